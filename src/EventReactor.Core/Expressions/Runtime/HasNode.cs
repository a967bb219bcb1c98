namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>has(target.field)</c>: whether the map has the key, whatever its value (null included).</summary>
internal sealed class HasNode(CelNode target, string field) : CelNode
{
    public override object? Evaluate(CelContext context) => target is IdentNode { Name: "event" } && context.Scope.HasEvent
        ? RuntimeValues.Bool(EvaluationScope.EventFields.Contains(field))
        : RuntimeValues.Bool(ValueAccess.Has(target.Evaluate(context), field));
}
