// ApiExplorer describes a base controller's action once per concrete controller, with that controller's attributes
// (issue 14, item 3): the 404 is documented where every derived controller documents it, and undocumented where one
// of them does not.
// Known disagreement: Cases.EntityControllerBase.Get 404: issue 14 item 3 is open; FE0001 reads the abstract base where the action is declared, not the concrete controllers ApiExplorer describes it for, so it reports a 404 that AirportsController and AirlinesController both document (false positive).
// Known disagreement: Cases.ScheduleControllerBase.Read 404: the same, for a 404 that ArrivalsController and DeparturesController both document (false positive).
// Known disagreement: Cases.ScheduleControllerBase.Read 200: the same cause the other way: the base has no response metadata, so FE0001 counts the implicit 200, but both concrete controllers' class-level [ProducesResponseType(404)] replace it, and ApiExplorer lists only 404 (miss).
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
