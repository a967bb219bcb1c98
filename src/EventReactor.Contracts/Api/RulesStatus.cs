namespace EventReactor.Contracts.Api;

/// <summary>The rules in force, in <see cref="ReactorStatus"/>.</summary>
/// <param name="Count">How many rules are in force.</param>
/// <param name="Files">The files they came from.</param>
/// <param name="LastEditRefused">Whether the last edit of the rule files was refused (the previous rules stay in force).</param>
/// <param name="Errors">Why it was refused: <c>file:line:column: message</c> each; empty otherwise.</param>
public sealed record RulesStatus(int Count, IReadOnlyList<string> Files, bool LastEditRefused, IReadOnlyList<string> Errors);
