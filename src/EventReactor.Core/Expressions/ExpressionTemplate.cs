using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>A value that is exactly <c>${{ expr }}</c>: it keeps the expression's type.</summary>
public sealed class ExpressionTemplate(SourceLocation location, CelExpression expression) : ValueTemplate(location)
{
    public CelExpression Expression { get; } = expression;

    public override ArgumentKind StaticKind => ArgumentKind.Any;

    public override object? Render(EvaluationScope scope) => Expression.Evaluate(scope);
}
