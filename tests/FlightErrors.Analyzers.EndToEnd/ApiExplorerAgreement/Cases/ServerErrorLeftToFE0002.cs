// A 500 made on purpose is FE0002's while FE0002 is on: FE0001's silence about it agrees with an undocumented 500.
namespace Cases;

[ApiController]
[Route("reports")]
public sealed class ReportsController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType(200)]
    public IActionResult Get(bool broken) => broken ? StatusCode(500, "broken") : Ok(); // returns 200, 500
}
