using System.Globalization;
using System.Text.Json;

namespace EventReactor.Minion.Commands;

/// <summary>Reads a command's JSON arguments with errors that name the argument; unknown arguments are refused.</summary>
internal sealed class FunctionArguments(string function, JsonElement arguments)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string Function { get; } = function;

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Bad(name, "is required (a string)");

    public string? OptionalString(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Bad(name, "must be a string"),
    };

    public double? OptionalNumber(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw Bad(name, "must be a number"),
    };

    public bool OptionalBool(string name, bool fallback) => Get(name) switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Bad(name, "must be true or false"),
    };

    public JsonElement? Optional(string name) => Get(name);

    /// <summary>A list of strings, or one string split like a shell would not: as a single item.</summary>
    public IList<string>? OptionalStringList(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => [value.GetString()!],
        { ValueKind: JsonValueKind.Array } value when value.EnumerateArray().All(i => i.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList(),
        _ => throw Bad(name, "must be a string or a list of strings"),
    };

    public IDictionary<string, string>? OptionalStringMap(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal),
        _ => throw Bad(name, "must be a map of names to values"),
    };

    /// <summary>Refuses arguments no one read: a typo must not be ignored.</summary>
    public void EnsureAllRead()
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var unknown = arguments.EnumerateObject().Select(p => p.Name).Where(n => !_read.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new FunctionFailedException($"bad argument: {Function} does not take {string.Join(", ", unknown.Select(u => $"'{u}'"))}; it takes {string.Join(", ", _read.Order(StringComparer.Ordinal))}");
        }
    }

    public FunctionFailedException Bad(string name, string problem) => new($"bad argument: '{name}' of {Function} {problem}");

    private JsonElement? Get(string name)
    {
        _read.Add(name);
        return arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;
    }
}
