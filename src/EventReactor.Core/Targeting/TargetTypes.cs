namespace EventReactor.Core.Targeting;

/// <summary>The ways a target names minions, after Salt's <c>tgt_type</c>.</summary>
public static class TargetTypes
{
    public const string Glob = "glob";
    public const string List = "list";
    public const string Grain = "grain";
    public const string Pool = "pool";
    public const string Expr = "expr";

    public static IReadOnlyList<string> All { get; } = [Glob, List, Grain, Pool, Expr];
}
