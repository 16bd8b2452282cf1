// A private helper builds the result from a status it is given: each call's constant is a code the action returns.
namespace Cases;

[ApiController]
[Route("holds")]
public sealed class HoldsController : ControllerBase
{
    [HttpPost("{id}")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public IActionResult Hold(int id, bool taken)
    {
        if (id < 0)
        {
            return Respond(404, "No such flight."); // returns 404
        }

        if (taken)
        {
            return Respond(409, "The seat is taken."); // returns 409
        }

        return Ok(); // returns 200
    }

    private IActionResult Respond(int code, string message) =>
        StatusCode(code, new ProblemDetails { Status = code, Title = message });
}
