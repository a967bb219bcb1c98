using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Rules;

/// <summary>One step of a rule's <c>do</c> list: an action name and its argument templates.</summary>
public sealed record RuleAction(string Name, SourceLocation Location, IReadOnlyList<KeyValuePair<string, ValueTemplate>> Arguments)
{
    /// <summary>This action's own retry policy; null means the rule's.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Renders every argument for one event; an expression that fails raises <see cref="ExpressionException"/>.</summary>
    public Dictionary<string, object?> RenderArguments(EvaluationScope scope)
    {
        var rendered = new Dictionary<string, object?>(Arguments.Count, StringComparer.Ordinal);
        foreach (var (name, template) in Arguments)
        {
            rendered[name] = template.Render(scope);
        }

        return rendered;
    }
}
