// ApiExplorer describes a base controller's action once per concrete controller, with that controller's attributes
// (issue 14, item 3): the 404 is documented where every derived controller documents it, and undocumented where one
// of them does not.
namespace Cases;

[ApiController]
public abstract class EntityControllerBase : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[Route("airports")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class AirportsController : EntityControllerBase
{
}

[Route("airlines")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class AirlinesController : EntityControllerBase
{
}

[ApiController]
public abstract class LookupControllerBase : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Find(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[Route("countries")]
[ProducesResponseType(200)]
[ProducesResponseType(404)]
public sealed class CountriesController : LookupControllerBase
{
}

[Route("cities")]
[ProducesResponseType(200)]
public sealed class CitiesController : LookupControllerBase
{
}

[ApiController]
public abstract class ScheduleControllerBase : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Read(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[Route("arrivals")]
[ProducesResponseType(404)]
public sealed class ArrivalsController : ScheduleControllerBase
{
}

[Route("departures")]
[ProducesResponseType(404)]
public sealed class DeparturesController : ScheduleControllerBase
{
}
