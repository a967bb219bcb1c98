namespace EventReactor.Core.Tests.Conformance;

/// <summary>
/// One text-format protobuf message, schema-less: each field's value is a nested message, the bytes
/// of a string literal, or the text of a scalar (number or enum name).
/// </summary>
internal sealed class TextProtoMessage
{
    public List<KeyValuePair<string, object>> Fields { get; } = [];

    public IEnumerable<object> All(string name) => Fields.Where(field => field.Key == name).Select(field => field.Value);

    public object? Get(string name) => All(name).FirstOrDefault();

    public TextProtoMessage? Message(string name) => Get(name) as TextProtoMessage;

    public string? Text(string name) => Get(name) switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        string scalar => scalar,
        _ => null,
    };

    public bool Has(string name) => Fields.Exists(field => field.Key == name);
}
