using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.IncompleteErrorPipelineAnalyzer,
    FlightErrors.Analyzers.IncompleteErrorPipelineCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0004IncompleteErrorPipelineTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string FlightsController = """

        [ApiController]
        [Route("flights")]
        public sealed class FlightsController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id) => id > 0 ? Ok(id) : NotFound();
        }
        """;

    private const string ControllersOnly = "AddProblemDetails() and an exception handler (UseExceptionHandler())";
    private const string Everything = "AddProblemDetails(), an exception handler (UseExceptionHandler()) and UseStatusCodePages()";

    private static VerifyCS.Test TopLevel(string source, string fixedSource, params string[] missing)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            FixedState = { OutputKind = OutputKind.ConsoleApplication },
        };
        for (var i = 0; i < missing.Length; i++)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(i).WithArguments(missing[i]));
        }

        return test;
    }

    // The `dotnet new webapi --use-controllers` template: controllers only, so no status code pages are needed (the
    // [ApiController] client-error mapping fills bodyless errors), but nothing handles an exception.
    [Fact]
    public Task The_controllers_template_gets_problem_details_and_an_exception_handler_keeping_its_layout()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddControllers();

            var app = {|#0:builder.Build()|};

            // Configure the HTTP request pipeline.
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """ + FlightsController;
        var fixedSource = Usings + """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddControllers();
            builder.Services.AddProblemDetails();

            var app = builder.Build();
            app.UseExceptionHandler();

            // Configure the HTTP request pipeline.
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """ + FlightsController;
        return TopLevel(source, fixedSource, ControllersOnly).RunAsync();
    }

    // A minimal API's bodyless errors need status code pages as well.
    [Fact]
    public Task A_minimal_api_gets_every_part()
    {
        var source = Usings + """
            var builder = WebApplication.CreateSlimBuilder(args);
            var app = {|#0:builder.Build()|};
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();
            """;
        var fixedSource = Usings + """
            var builder = WebApplication.CreateSlimBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();
            """;
        return TopLevel(source, fixedSource, Everything).RunAsync();
    }

    // Only what is missing is added: here the status code pages.
    [Fact]
    public Task Only_the_missing_part_is_added()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = {|#0:builder.Build()|};
            app.UseExceptionHandler();
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();
            """;
        var fixedSource = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseStatusCodePages();
            app.UseExceptionHandler();
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();
            """;
        return TopLevel(source, fixedSource, "UseStatusCodePages()").RunAsync();
    }

    // A Main method, with the setup indented in its block; the imports the new calls need are added.
    [Fact]
    public Task A_main_method_host_is_fixed_in_its_block_and_imports_what_the_new_calls_need()
    {
        var source = """
            using Microsoft.AspNetCore.Mvc;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                    Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions.AddControllers(builder.Services);
                    var app = {|#0:builder.Build()|};
                    Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions.MapControllers(app);
                    app.Run();
                }
            }
            """ + FlightsController;
        var fixedSource = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                    Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions.AddControllers(builder.Services);
                    builder.Services.AddProblemDetails();
                    var app = builder.Build();
                    app.UseExceptionHandler();
                    Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions.MapControllers(app);
                    app.Run();
                }
            }
            """ + FlightsController;
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments(ControllersOnly) },
        }.RunAsync();
    }

    [Fact]
    public Task A_complete_pipeline_is_not_reported()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();
            """;
        return TopLevel(source, source).RunAsync();
    }

    // An exception handler with its own path or handler writes what it writes: Problem Details are not required for it,
    // and a controllers-only application needs nothing else.
    [Fact]
    public Task A_handler_path_in_a_controllers_app_is_enough()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseExceptionHandler("/error");
            app.MapControllers();
            app.Run();
            """ + FlightsController;
        return TopLevel(source, source).RunAsync();
    }

    // A middleware of the application's own that catches every exception handles them.
    [Fact]
    public Task A_catching_middleware_counts_as_the_exception_handler_and_a_rethrowing_one_does_not()
    {
        var middleware = """

            public sealed class ErrorMiddleware(RequestDelegate next)
            {
                public async System.Threading.Tasks.Task InvokeAsync(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (System.Exception)
                    {
                        await Results.Problem().ExecuteAsync(context);
                    }
                }
            }
            """;
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseMiddleware<ErrorMiddleware>();
            app.MapControllers();
            app.Run();
            """ + FlightsController + middleware;
        var rethrowing = source.Replace("await Results.Problem().ExecuteAsync(context);", "throw;").Replace("var app = builder.Build();", "var app = {|#0:builder.Build()|};");
        return Task.WhenAll(
            TopLevel(source, source).RunAsync(),
            new VerifyCS.Test
            {
                TestCode = rethrowing,
                TestState = { OutputKind = OutputKind.ConsoleApplication },
                ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments(ControllersOnly) },
            }.RunAsync());
    }

    // Setup in a method of the compilation is read; setup handed to another assembly (here another project, whose
    // source the IDE can see but the build cannot) is out of sight, and nothing is claimed.
    [Fact]
    public Task Setup_in_the_compilation_is_read_and_setup_out_of_sight_silences_the_rule()
    {
        var inSight = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddErrorHandling();
            var app = builder.Build();
            app.UseErrorHandling();
            app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            app.Run();

            public static class ErrorHandling
            {
                public static void AddErrorHandling(this WebApplicationBuilder builder) => builder.Services.AddProblemDetails();

                public static void UseErrorHandling(this WebApplication app)
                {
                    app.UseExceptionHandler();
                    app.UseStatusCodePages();
                }
            }
            """;
        var outOfSight = new VerifyCS.Test
        {
            TestCode = Usings + """
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.AddServiceDefaults();
                var app = builder.Build();
                app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
                app.Run();
                """,
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                AdditionalProjectReferences = { "ServiceDefaults" },
                AdditionalProjects =
                {
                    ["ServiceDefaults"] =
                    {
                        Sources =
                        {
                            """
                            namespace Microsoft.Extensions.Hosting;

                            public static class Extensions
                            {
                                public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
                                    where TBuilder : IHostApplicationBuilder => builder;
                            }
                            """,
                        },
                    },
                },
            },
        };
        return Task.WhenAll(TopLevel(inSight, inSight).RunAsync(), outOfSight.RunAsync());
    }

    // A class library of endpoints builds no host; a Startup-based host builds no WebApplication. Neither is judged.
    [Fact]
    public Task A_library_and_a_startup_host_are_not_reported()
    {
        var library = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public static class FlightEndpoints
            {
                public static void MapFlights(this IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            }
            """;
        var startup = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void Configure(IApplicationBuilder app) =>
                    app.UseRouting().UseEndpoints(endpoints => endpoints.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound()));
            }
            """;
        return Task.WhenAll(VerifyCS.VerifyAnalyzerAsync(library), VerifyCS.VerifyAnalyzerAsync(startup));
    }

    // Controllers whose client-error mapping is suppressed answer NotFound() without a body: status code pages fill it.
    [Fact]
    public Task Suppressed_client_error_mapping_needs_status_code_pages()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            builder.Services.AddControllers().ConfigureApiBehaviorOptions(options => options.SuppressMapClientErrors = true);
            var app = {|#0:builder.Build()|};
            app.UseExceptionHandler();
            app.MapControllers();
            app.Run();
            """ + FlightsController;
        var fixedSource = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            builder.Services.AddControllers().ConfigureApiBehaviorOptions(options => options.SuppressMapClientErrors = true);
            var app = builder.Build();
            app.UseStatusCodePages();
            app.UseExceptionHandler();
            app.MapControllers();
            app.Run();
            """ + FlightsController;
        return TopLevel(source, fixedSource, "UseStatusCodePages()").RunAsync();
    }

    // The app is not in a local the new lines could name: reported, with no fix.
    [Fact]
    public Task A_host_built_inline_is_reported_without_a_fix()
    {
        var source = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            {|#0:builder.Build()|}.Run();
            """ + FlightsController + """

            public static class Routes
            {
                public static void Map(WebApplication app) => app.MapControllers();
            }
            """;
        return TopLevel(source, source, ControllersOnly).RunAsync();
    }
}
