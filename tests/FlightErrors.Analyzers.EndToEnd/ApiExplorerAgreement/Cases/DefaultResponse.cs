// [ProducesDefaultResponseType] is a default response: ApiExplorer and the OpenAPI document give it for every code
// not listed, success codes included.
namespace Cases;

[ApiController]
[Route("bookings")]
public sealed class BookingsController : ControllerBase
{
    [HttpPost]
    [ProducesDefaultResponseType]
    [ProducesResponseType(200)]
    public IActionResult Post(int id) => id switch
    {
        0 => NotFound(), // returns 404
        1 => StatusCode(503), // returns 503
        2 => Accepted(), // returns 202
        _ => Ok(), // returns 200
    };
}
