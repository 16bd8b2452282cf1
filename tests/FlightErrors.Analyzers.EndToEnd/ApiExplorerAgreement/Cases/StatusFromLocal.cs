// A status a conditional decides, through a local: both codes can be returned.
namespace Cases;

[ApiController]
[Route("upstream")]
public sealed class UpstreamController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    [ProducesResponseType(503)]
    public IActionResult Get(bool timeout, bool failed)
    {
        if (failed)
        {
            var status = timeout ? 504 : 503;
            return Problem(statusCode: status); // returns 503, 504
        }

        return Ok(); // returns 200
    }

    [HttpGet("documented")]
    [ProducesResponseType(200)]
    [ProducesResponseType(503)]
    [ProducesResponseType(504)]
    public IActionResult Documented(bool timeout, bool failed)
    {
        if (failed)
        {
            var status = timeout ? 504 : 503;
            return Problem(statusCode: status); // returns 503, 504
        }

        return Ok(); // returns 200
    }
}
