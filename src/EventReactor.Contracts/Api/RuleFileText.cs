namespace EventReactor.Contracts.Api;

/// <summary>One rule file sent with a request, as the operator has it on disk.</summary>
/// <param name="Path">The file's path as the operator knows it; diagnostics name it as <c>path:line:column</c>.</param>
/// <param name="Text">The file's YAML text.</param>
public sealed record RuleFileText(string Path, string Text);
