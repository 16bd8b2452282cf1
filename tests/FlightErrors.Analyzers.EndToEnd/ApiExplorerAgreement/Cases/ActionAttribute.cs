// An action's own [ProducesResponseType(404)] documents its 404; without it the 404 is undocumented.
namespace Cases;

public sealed record Flight(int Id);

[ApiController]
[Route("flights")]
public sealed class FlightsController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType<Flight>(200)]
    [ProducesResponseType(404)]
    public ActionResult<Flight> Documented(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        return new Flight(id); // returns 200
    }

    [HttpGet("{id}/plain")]
    [ProducesResponseType<Flight>(200)]
    public ActionResult<Flight> Undocumented(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        return new Flight(id); // returns 200
    }
}
