// A result whose StatusCode is set after it is made answers that code.
namespace Cases;

[ApiController]
[Route("capacity")]
public sealed class CapacityController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    public IActionResult Get(bool full)
    {
        if (full)
        {
            var details = new ProblemDetails { Title = "Full" };
            var result = new ObjectResult(details);
            result.StatusCode = 503; // returns 503
            return result;
        }

        return Ok(); // returns 200
    }

    [HttpGet("documented")]
    [ProducesResponseType(200)]
    [ProducesResponseType(503)]
    public IActionResult Documented(bool full)
    {
        if (full)
        {
            var details = new ProblemDetails { Title = "Full" };
            var result = new ObjectResult(details);
            result.StatusCode = 503; // returns 503
            return result;
        }

        return Ok(); // returns 200
    }
}
