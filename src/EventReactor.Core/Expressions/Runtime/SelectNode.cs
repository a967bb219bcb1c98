namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// <c>target.field</c>; a missing key is an error. Where the whole chain is names (<c>a.b.c</c>) and the
/// scope declares a variable with the dotted name, that variable wins, longest name first, as CEL resolves them.
/// </summary>
internal sealed class SelectNode(CelNode target, string field) : CelNode
{
    private readonly string? _qualifiedName = QualifiedName(target, field);

    public CelNode Target { get; } = target;

    public string Field { get; } = field;

    public override object? Evaluate(CelContext context)
    {
        // Rule scopes hold only event and vars, so only other scopes can declare a dotted name.
        if (_qualifiedName is not null && !context.Scope.HasEvent && context.Scope.TryResolve(_qualifiedName, out var variable))
        {
            return RuntimeValues.FromPlain(variable);
        }

        return ValueAccess.Select(Target.Evaluate(context), Field);
    }

    private static string? QualifiedName(CelNode target, string field) => target switch
    {
        IdentNode ident => ident.Name + "." + field,
        SelectNode { _qualifiedName: { } prefix } => prefix + "." + field,
        _ => null,
    };
}
