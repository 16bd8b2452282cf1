// API conventions document when no response attribute applies: DefaultApiConventions.Get lists 200, 404 and default.
namespace Cases;

public sealed record Aircraft(string Tail);

[ApiController]
[Route("aircraft")]
public sealed class AircraftController : ControllerBase
{
    [HttpGet("{id}")]
    [ApiConventionMethod(typeof(DefaultApiConventions), nameof(DefaultApiConventions.Get))]
    public ActionResult<Aircraft> Get(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        if (id == 0)
        {
            return Conflict(); // returns 409
        }

        return new Aircraft("F-GKXA"); // returns 200
    }
}
