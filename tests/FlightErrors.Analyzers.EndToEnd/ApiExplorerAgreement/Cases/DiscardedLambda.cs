// A result a lambda builds is returned only when the action returns the lambda's call: a discarded call returns nothing.
namespace Cases;

[ApiController]
[Route("seats")]
public sealed class SeatsController : ControllerBase
{
    [HttpGet("discarded")]
    [ProducesResponseType(200)]
    public IActionResult Discarded()
    {
        Func<IActionResult> f = () => Conflict();
        _ = f();
        return Ok(); // returns 200
    }

    [HttpGet("returned")]
    [ProducesResponseType(200)]
    public IActionResult Returned()
    {
        Func<IActionResult> f = () => Conflict();
        return f(); // returns 409
    }
}
