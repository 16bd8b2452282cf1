// An XML <response> with Microsoft.AspNetCore.OpenApi alone (issue 14, item 12): its XML comment generator, wired by
// intercepting the AddOpenApi call below, describes the responses the document already lists (the 200 here takes its
// description) and adds none, so the 404 stays undocumented and FE0001's xml_responses = auto reports it.
using Microsoft.Extensions.DependencyInjection;

namespace Cases;

public static class Startup
{
    public static void AddServices(IServiceCollection services) => services.AddOpenApi();
}

[ApiController]
[Route("terminals")]
public sealed class TerminalsController : ControllerBase
{
    /// <summary>Reads a terminal.</summary>
    /// <response code="200">The terminal.</response>
    /// <response code="404">No terminal has this id.</response>
    [HttpGet("{id}")]
    public IActionResult Get(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        return Ok(); // returns 200
    }
}
