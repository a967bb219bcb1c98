namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A variable (<c>event</c>, <c>vars</c>, or one the scope gives), else a type name such as <c>int</c>.</summary>
internal sealed class IdentNode(string name) : CelNode
{
    public string Name { get; } = name;

    public override object? Evaluate(CelContext context) =>
        context.Scope.TryResolve(Name, out var value) ? RuntimeValues.FromPlain(value)
        : CelType.Denoted.TryGetValue(Name, out var type) ? type
        : CelError.Raise($"undeclared reference to '{Name}'");
}
