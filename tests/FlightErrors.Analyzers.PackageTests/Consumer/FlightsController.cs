using Microsoft.AspNetCore.Mvc;

namespace Consumer;

[ApiController]
[Route("flights")]
public sealed class FlightsController : ControllerBase
{
    // Documents 200 only: the package's FE0001 must report the undocumented 404.
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    public IActionResult Get(int id) => id > 0 ? Ok(id) : NotFound();
}
