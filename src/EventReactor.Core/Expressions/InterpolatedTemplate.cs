using System.Text;
using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>Text with <c>${{ expr }}</c> parts; always renders to a string.</summary>
public sealed class InterpolatedTemplate(SourceLocation location, IReadOnlyList<object> parts) : ValueTemplate(location)
{
    /// <summary>Each part is a literal <see cref="string"/> or a <see cref="CelExpression"/>.</summary>
    public IReadOnlyList<object> Parts { get; } = parts;

    public override ArgumentKind StaticKind => ArgumentKind.String;

    public override object? Render(EvaluationScope scope)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part is CelExpression expression ? CelValues.ToText(expression.Evaluate(scope)) : (string)part);
        }

        return text.ToString();
    }
}
