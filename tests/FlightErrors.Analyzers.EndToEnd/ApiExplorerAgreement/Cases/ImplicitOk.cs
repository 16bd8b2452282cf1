// With no response metadata at all, ApiExplorer lists a 200 for ActionResult<T>, IActionResult and T; any metadata
// replaces it.
namespace Cases;

public sealed record Gate(string Id);

[ApiController]
[Route("gates")]
public sealed class GatesController : ControllerBase
{
    [HttpGet("{id}")]
    public ActionResult<Gate> Typed(string id)
    {
        if (id.Length == 0)
        {
            return BadRequest(); // returns 400
        }

        return new Gate(id); // returns 200
    }

    [HttpGet("{id}/untyped")]
    public IActionResult Untyped(string id) => Ok(new Gate(id)); // returns 200

    [HttpGet("{id}/model")]
    public Gate Model(string id) => new Gate(id); // returns 200

    [HttpGet("{id}/replaced")]
    [ProducesResponseType(400)]
    public ActionResult<Gate> Replaced(string id)
    {
        if (id.Length == 0)
        {
            return BadRequest(); // returns 400
        }

        return new Gate(id); // returns 200
    }
}
