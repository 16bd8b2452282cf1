// A subclass of ProducesResponseTypeAttribute documents like the attribute itself, whether its code is an argument
// ([SwaggerResponse(404)]) or fixed by its constructor ([NotFoundResponse]).
// Known disagreement: Cases.CrewsController.Get 409: FE0001 cannot read the code of a subclass whose constructor fixes it ([NotFoundResponse] : base(404)), so it stays silent for the whole action and misses the undocumented 409.
namespace Cases;

public sealed class NotFoundResponseAttribute : ProducesResponseTypeAttribute
{
    public NotFoundResponseAttribute()
        : base(StatusCodes.Status404NotFound)
    {
    }
}

[ApiController]
[Route("crews")]
public sealed class CrewsController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [NotFoundResponse]
    public IActionResult Get(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        if (id == 0)
        {
            return Conflict(); // returns 409
        }

        return Ok(); // returns 200
    }
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class SwaggerResponseAttribute : ProducesResponseTypeAttribute
{
    public SwaggerResponseAttribute(int statusCode, string? description = null, Type? type = null)
        : base(type ?? typeof(void), statusCode)
    {
    }
}

[ApiController]
[Route("pilots")]
public sealed class PilotsController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(200)]
    [SwaggerResponse(404, "No such pilot")]
    public IActionResult Get(int id)
    {
        if (id < 0)
        {
            return NotFound(); // returns 404
        }

        if (id == 0)
        {
            return Conflict(); // returns 409
        }

        return Ok(); // returns 200
    }
}
