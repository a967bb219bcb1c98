using System.Text;

namespace EventReactor.Core.Tests.Conformance;

/// <summary>Reads a cel-spec <c>SimpleTestFile</c> into cases, marking those that are out of scope with the reason.</summary>
internal static class ConformanceFile
{
    public const string ProtobufMessages = "protobuf messages";
    public const string Container = "container";
    public const string Unknowns = "unknown values";
    public const string CheckOnly = "type-checker only";

    public static IReadOnlyList<ConformanceCase> Read(string path)
    {
        var file = TextProtoReader.Parse(File.ReadAllText(path, Encoding.UTF8));
        var fileName = file.Text("name");
        var cases = new List<ConformanceCase>();
        foreach (var section in file.All("section").Cast<TextProtoMessage>())
        {
            foreach (var test in section.All("test").Cast<TextProtoMessage>())
            {
                cases.Add(ToCase($"{fileName}/{section.Text("name")}/{test.Text("name")}", test));
            }
        }

        return cases;
    }

    private static ConformanceCase ToCase(string name, TextProtoMessage test)
    {
        var expression = test.Text("expr") ?? string.Empty;
        var skip = SkipReason(test, expression);
        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? expected = null;
        if (skip is null)
        {
            foreach (var binding in test.All("bindings").Cast<TextProtoMessage>())
            {
                bindings[binding.Text("key")!] = ConformanceValue.ToRuntime(binding.Message("value")!.Message("value")!);
            }

            expected = test.Message("value") is { } result ? ConformanceValue.Show(result) : test.Has("eval_error") ? null : "bool:true";
        }

        return new ConformanceCase(name, expression, bindings, expected, test.Has("eval_error"), skip);
    }

    private static string? SkipReason(TextProtoMessage test, string expression)
    {
        if (test.Has("container"))
        {
            return Container;
        }

        if (test.Has("check_only"))
        {
            return CheckOnly;
        }

        if (test.Has("unknown") || test.Has("any_unknowns"))
        {
            return Unknowns;
        }

        var mentionsMessage = expression.Contains("TestAllTypes", StringComparison.Ordinal)
            || expression.Replace("google.protobuf.Timestamp", string.Empty, StringComparison.Ordinal)
                .Replace("google.protobuf.Duration", string.Empty, StringComparison.Ordinal).Contains("google.protobuf.", StringComparison.Ordinal)
            || expression.Contains("cel.expr.conformance", StringComparison.Ordinal)
            || expression.Contains("NestedTestAllTypes", StringComparison.Ordinal);
        return mentionsMessage || HasMessageValue(test) ? ProtobufMessages : null;
    }

    // Timestamps and durations are CEL values; any other message needs protobuf support.
    private static bool HasMessageValue(TextProtoMessage message) => message.Fields.Exists(field => field switch
    {
        { Key: "object_value", Value: TextProtoMessage inner } => !inner.Fields.TrueForAll(f => ConformanceValue.IsWellKnown(f.Key)),
        { Key: "type_env" } => false,
        { Value: TextProtoMessage inner } => HasMessageValue(inner),
        _ => false,
    });
}
