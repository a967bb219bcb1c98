using System.Runtime.CompilerServices;
using Cel;
using EventReactor.Core.Expressions;

namespace EventReactor.Benchmarks;

/// <summary>Conditions through the Cel package's delegate, compiled once per expression: the naive engine's path.</summary>
internal static class PackageConditions
{
    private static readonly CelEnvironment Environment = new(null, string.Empty);
    private static readonly ConditionalWeakTable<CelExpression, CelProgramDelegate> Programs = [];

    // Text the package cannot parse (backticks, say) never holds for it.
    private static CelProgramDelegate Compile(CelExpression expression)
    {
        try
        {
            return Environment.Compile(expression.Text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return _ => false;
        }
    }

    /// <summary>The condition's value; false where the package fails or answers anything but a bool.</summary>
    public static bool Holds(CelExpression condition, EvaluationScope scope)
    {
        var program = Programs.GetValue(condition, Compile);
        try
        {
            return program(scope.Variables) is true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }
}
