using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The template app after one `dotnet format analyzers --diagnostics &lt;every rule's ID&gt; --severity info`, the
/// command the sample's tests run: everything is fixed in that one run, and a second run changes no byte.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class TemplateFixedTests(TemplateWorkspace workspace)
{
    private const string Program = "Program.cs";
    private const string Products = "Controllers/ProductsController.cs";

    [Fact]
    public async Task Format_fixes_Program_and_the_team_controller_and_leaves_the_rest_as_generated()
    {
        var sample = await workspace.FixedAsync();
        Assert.True(sample.Format.ExitCode == 0, sample.Format.ToString());
        var changed = sample.Original.Keys.Where(file => sample.Original[file] != sample.AfterFormat[file]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([Products, Program], changed);
        Assert.Equal(sample.Original.Keys.Order(StringComparer.Ordinal), sample.AfterFormat.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fixed_template_builds_without_FE_diagnostics_or_new_warnings()
    {
        var sample = await workspace.FixedAsync();
        var unfixed = await workspace.UnfixedAsync();
        Assert.True(sample.Build.ExitCode == 0, sample.Build.ToString());
        Assert.True(sample.Diagnostics.Count == 0, string.Join(Environment.NewLine, sample.Diagnostics) + Environment.NewLine + Diff(sample));

        var before = Diagnostics.WarningCounts(unfixed.Build.Output, unfixed.ProjectDirectory);
        var after = Diagnostics.WarningCounts(sample.Build.Output, sample.ProjectDirectory);
        var added = after.Where(w => !w.Key.Contains(": FE", StringComparison.Ordinal) && w.Value > before.GetValueOrDefault(w.Key)).Select(w => w.Key).ToList();
        Assert.True(added.Count == 0, string.Join(Environment.NewLine, added));
    }

    [Fact]
    public async Task Second_format_run_changes_no_byte()
    {
        var sample = await workspace.FixedAsync();
        Assert.True(sample.SecondFormat.ExitCode == 0, sample.SecondFormat.ToString());
        Assert.Equal(sample.AfterFormatBytes.Keys.Order(StringComparer.Ordinal), sample.AfterSecondFormatBytes.Keys.Order(StringComparer.Ordinal));
        var changed = sample.AfterFormatBytes.Where(f => !f.Value.AsSpan().SequenceEqual(sample.AfterSecondFormatBytes[f.Key])).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            changed.Count == 0,
            string.Join(Environment.NewLine, changed.Select(file => $"{file} changed in the second run:{Environment.NewLine}{sample.AfterSecondFormat[file]}{Environment.NewLine}--- after the first run:{Environment.NewLine}{sample.AfterFormat[file]}")));
    }

    // dotnet format takes the rules in an order that changes from process to process; on the template, a fix that
    // leaves work for another rule's fix shows up as runs that differ (as on the sample, issue 14, item 7).
    [Fact]
    public async Task Format_gives_byte_identical_results_every_run()
    {
        var sample = await workspace.FixedAsync();
        var runs = await workspace.RepeatedFormatsAsync();
        Assert.Equal(workspace.RepeatedFormatRuns, runs.Count);
        var differing = new List<string>();
        foreach (var (run, index) in runs.Select((run, index) => (run, index + 2)))
        {
            foreach (var (file, text) in sample.AfterFormat)
            {
                if (text != run[file])
                {
                    differing.Add($"Run {index} wrote {file} differently:{Environment.NewLine}{run[file]}{Environment.NewLine}--- first run:{Environment.NewLine}{text}");
                }
            }
        }

        Assert.True(differing.Count == 0, string.Join(Environment.NewLine, differing));
    }

    /// <summary>
    /// The host's fix (FE0004): AddProblemDetails() before Build(), UseExceptionHandler() and UseStatusCodePages() right
    /// after it, each once, and the template's own statements kept in their order.
    /// </summary>
    [Fact]
    public async Task Program_turns_errors_into_Problem_Details_and_keeps_the_templates_statements()
    {
        var sample = await workspace.FixedAsync();
        var statements = Statements(sample.AfterFormat[Program]);
        var build = statements.IndexOf("var app = builder.Build();");
        Assert.True(build >= 0, sample.AfterFormat[Program]);
        Assert.Single(statements, "builder.Services.AddProblemDetails();");
        Assert.True(statements.IndexOf("builder.Services.AddProblemDetails();") < build, sample.AfterFormat[Program]);
        Assert.Equal(["app.UseExceptionHandler();", "app.UseStatusCodePages();"], statements.Skip(build + 1).Take(2));
        Assert.Single(statements, "app.UseExceptionHandler();");
        Assert.Single(statements, "app.UseStatusCodePages();");

        string[] template =
        [
            "var builder = WebApplication.CreateBuilder(args);", "builder.Services.AddControllers();", "builder.Services.AddOpenApi();",
            "var app = builder.Build();", "if (app.Environment.IsDevelopment())", "app.MapOpenApi();", "app.UseHttpsRedirection();",
            "app.UseAuthorization();", "app.MapControllers();", "app.Run();",
        ];
        var positions = template.Select(statement => statements.IndexOf(statement)).ToList();
        Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()), sample.AfterFormat[Program]);
    }

    [Fact]
    public async Task Fixes_leave_no_deliberate_500_and_no_error_body_but_Problem_Details()
    {
        var sample = await workspace.FixedAsync();
        var products = sample.AfterFormat[Products];
        Assert.DoesNotContain("StatusCode(500", products, StringComparison.Ordinal);
        // The 500 is only documented: the exception handler still answers it for the failure the catch-all logged.
        Assert.All(
            products.Split('\n').Where(line => line.Contains("Status500InternalServerError", StringComparison.Ordinal)),
            line => Assert.Contains("[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError)]", line, StringComparison.Ordinal));
        Assert.DoesNotContain("BadRequest(\"", products, StringComparison.Ordinal);
        Assert.DoesNotContain("BadRequest(new ErrorResponse", products, StringComparison.Ordinal);
        Assert.DoesNotContain("NotFound(new ErrorResponse", products, StringComparison.Ordinal);

        // The catch-all logs, so it stays and rethrows to the exception handler; the upstream's failure answers 502.
        Assert.Contains("catch (Exception ex)", products, StringComparison.Ordinal);
        Assert.Contains("throw;", products, StringComparison.Ordinal);
        Assert.Contains("StatusCodes.Status502BadGateway", products, StringComparison.Ordinal);

        // The error codes clients read stay in the answers, as a `code` extension of Problem Details.
        Assert.Contains("\"id_mismatch\"", products, StringComparison.Ordinal);
        Assert.Contains("\"product_not_found\"", products, StringComparison.Ordinal);
        // A minimal API's bodyless 404 keeps its result: the status code pages the host now has write its Problem
        // Details body (FE0003's application-level fix, which Fix All prefers to rewriting each handler).
        Assert.Contains("TypedResults.NotFound()", sample.AfterFormat[Program], StringComparison.Ordinal);
        Assert.Contains("app.UseStatusCodePages();", sample.AfterFormat[Program], StringComparison.Ordinal);
    }

    /// <summary>The code statements of a file, trimmed, without blank lines, comments or braces.</summary>
    private static List<string> Statements(string code) =>
        code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && l is not ("{" or "}")).ToList();

    private static string Diff(FixedSample sample) =>
        string.Join(Environment.NewLine, sample.AfterFormat.Where(f => f.Value != sample.Original[f.Key]).Select(f => $"--- {f.Key} after format:{Environment.NewLine}{f.Value}"));
}
