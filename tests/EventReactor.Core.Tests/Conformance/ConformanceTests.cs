using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using Xunit.Abstractions;

namespace EventReactor.Core.Tests.Conformance;

/// <summary>
/// CEL's own conformance data (cel-spec simple tests), run as a rule runs an argument: each expression
/// goes through <c>${{ }}</c>, is rendered typed, and must also render to JSON.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const double TargetPassRate = 0.99;

    private static readonly string[] Files =
    [
        "basic", "comparisons", "conversions", "fields", "fp_math", "integer_math", "lists", "logic", "macros", "parse", "plumbing", "string", "timestamps",
    ];

    private static readonly SourceLocation At = new("conformance.yaml", 1, 1);

    [Fact]
    public void Run_CelSpecSimpleTests_MeetsTargetAndKnownFailuresMatch()
    {
        var failures = new List<string>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        int applicable = 0, passed = 0;
        foreach (var file in Files)
        {
            int filePassed = 0, fileApplicable = 0;
            foreach (var test in ConformanceFile.Read(Path.Combine(AppContext.BaseDirectory, "Conformance", "cel-spec", file + ".textproto")))
            {
                if (test.SkipReason is { } reason)
                {
                    skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                    continue;
                }

                fileApplicable++;
                if (Run(test) is { } failure)
                {
                    failures.Add(test.Name);
                    output.WriteLine($"FAIL {test.Name}: {test.Expression} -> {failure}");
                }
                else
                {
                    filePassed++;
                }
            }

            output.WriteLine($"{file}: {filePassed}/{fileApplicable} pass");
            applicable += fileApplicable;
            passed += filePassed;
        }

        foreach (var (reason, count) in skipped.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"skipped ({reason}): {count}");
        }

        output.WriteLine($"total: {passed}/{applicable} pass ({(double)passed / applicable:P2})");
        var known = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "known-failures.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2)[0]);
        Assert.Equal(known.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
        Assert.True(passed >= applicable * TargetPassRate, $"{passed} of {applicable} pass");
    }

    // Null when the case passes; otherwise what went wrong.
    private static string? Run(ConformanceCase test)
    {
        object? value;
        try
        {
            var template = TemplateParser.Parse("${{ " + test.Expression + " }}", At, null);
            value = template.Render(EvaluationScope.ForVariables(test.Bindings));
        }
        catch (Exception ex) when (ex is ExpressionException or RuleSyntaxException)
        {
            return test.ExpectsError ? null : "error: " + ex.Message;
        }
        catch (Exception ex)
        {
            return "crash: " + ex.GetType().Name + ": " + ex.Message;
        }

        try
        {
            CelValues.ToJson(value);
        }
        catch (Exception ex)
        {
            return "rendering to JSON crashed: " + ex.Message;
        }

        var actual = ConformanceValue.ShowRuntime(value);
        return test.ExpectsError ? "expected an error, got " + actual
            : actual == test.Expected ? null
            : $"expected {test.Expected}, got {actual}";
    }
}
