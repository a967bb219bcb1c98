namespace EventReactor.Core.Expressions.Runtime;

/// <summary>What one evaluation sees: the scope's variables and the macro variables in scope.</summary>
internal sealed class CelContext(EvaluationScope scope, int slotCount)
{
    /// <summary>For folding operations on literals, which read no variables.</summary>
    public static CelContext Constant { get; } = new(EvaluationScope.ForVariables(new Dictionary<string, object?>()), 0);

    public EvaluationScope Scope { get; } = scope;

    public object?[] Slots { get; } = slotCount == 0 ? [] : new object?[slotCount];
}
