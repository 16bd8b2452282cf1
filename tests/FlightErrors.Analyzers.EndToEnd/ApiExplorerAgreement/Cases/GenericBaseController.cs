// A generic base controller's action, closed by two concrete controllers: ApiExplorer describes it once per concrete
// controller, with that controller's attributes; the 404 is undocumented because one of them does not document it.
namespace Cases;

public sealed record Aircraft(int Id);

public sealed record Crew(int Id);

[ApiController]
public abstract class EntityController<T> : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[Route("aircraft")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class AircraftController : EntityController<Aircraft>
{
}

[Route("crew")]
[ProducesResponseType(200)]
public sealed class CrewController : EntityController<Crew>
{
}

[ApiController]
public abstract class RecordController<T> : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Find(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[Route("aircraft-records")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class AircraftRecordsController : RecordController<Aircraft>
{
}

[Route("crew-records")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class CrewRecordsController : RecordController<Crew>
{
}
