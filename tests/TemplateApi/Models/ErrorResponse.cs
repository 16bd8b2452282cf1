namespace TemplateApi.Models;

/// <summary>The team's own error body: a machine-readable code and a message.</summary>
public sealed record ErrorResponse(string Code, string Message);
