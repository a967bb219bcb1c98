using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Benchmarks;

internal static class Conditions
{
    /// <summary>Whether the rule's condition holds, as the reactor decides: a failing condition does not hold.</summary>
    public static bool Holds(Rule rule, EvaluationScope scope, bool usePackage)
    {
        if (rule.When is null)
        {
            return true;
        }

        try
        {
            return usePackage ? PackageConditions.Holds(rule.When, scope) : rule.When.EvaluateCondition(scope);
        }
        catch (ExpressionException)
        {
            return false;
        }
    }
}
