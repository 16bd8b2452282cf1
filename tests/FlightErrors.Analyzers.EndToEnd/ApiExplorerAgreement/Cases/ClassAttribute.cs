// A [ProducesResponseType] on the controller documents its code for every action and removes the implicit 200.
namespace Cases;

[ApiController]
[Route("gates")]
[ProducesResponseType(404)]
public sealed class GatesController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        return Ok(); // returns 200
    }

    [HttpGet("{id}/documented")]
    [ProducesResponseType(200)]
    public IActionResult Documented(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        return Ok(); // returns 200
    }
}
