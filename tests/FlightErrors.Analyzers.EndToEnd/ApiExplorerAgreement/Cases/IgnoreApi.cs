// [ApiExplorerSettings(IgnoreApi = true)] on an action, on its controller or on a base controller takes the endpoint
// out of the API description: nothing to document. An action's own IgnoreApi = false wins over its controller's.
namespace Cases;

[ApiController]
[Route("legacy")]
public sealed class LegacyActionController : ControllerBase
{
    [HttpGet("hidden")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Hidden() => NotFound(); // returns 404

    [HttpGet("shown")]
    public IActionResult Shown(int id) => id > 0 ? Ok() : NotFound(); // returns 200, 404
}

[ApiController]
[Route("legacy-controller")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class LegacyController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => NotFound(); // returns 404

    [HttpGet("shown")]
    [ApiExplorerSettings(IgnoreApi = false)]
    public IActionResult Shown() => NotFound(); // returns 404
}

[ApiExplorerSettings(IgnoreApi = true)]
public abstract class HiddenBaseController : ControllerBase
{
}

[ApiController]
[Route("legacy-derived")]
public sealed class DerivedController : HiddenBaseController
{
    [HttpGet]
    public IActionResult Get() => NotFound(); // returns 404
}
