using System.Text;
using System.Text.Json;
using EventReactor.Core.Actions;

namespace EventReactor.Core.Rules;

/// <summary>
/// A JSON Schema (draft-07) for rule files, made from the action catalog so that editors complete and check
/// actions and their arguments exactly as the loader does.
/// </summary>
public static class RuleFileSchema
{
    private const string TemplatePattern = @"^\s*\$\{\{[\s\S]*\}\}\s*$";
    private const string DurationPattern = @"^(\d+(\.\d+)?(ms|s|m|h|d))+$";

    public static string Generate(ActionCatalog catalog)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("$id", "https://eventreactor.dev/schema/rules.schema.json");
            json.WriteString("title", "EventReactor rule file");
            json.WriteString("type", "object");
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            json.WriteStartObject("vars");
            json.WriteString("type", "object");
            json.WriteString("description", "Values visible to expressions as vars.");
            json.WriteEndObject();
            json.WriteStartObject("rules");
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            json.WriteString("$ref", "#/definitions/rule");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("definitions");
            WriteRule(json, catalog);
            WriteRetry(json);
            json.WriteStartObject("duration");
            json.WriteString("type", "string");
            json.WriteString("pattern", DurationPattern);
            json.WriteString("description", "e.g. 500ms, 2s, 30s, 5m, 1h");
            json.WriteEndObject();
            foreach (var name in catalog.Names)
            {
                WriteAction(json, catalog.Find(name)!);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter json, ActionCatalog catalog)
    {
        json.WriteStartObject("rule");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("name");
        json.WriteStringValue("on");
        json.WriteStringValue("do");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        Typed(json, "name", "string", "Unique across all rule files.");
        Typed(json, "description", "string", "What the rule is for.");
        json.WriteStartObject("on");
        json.WriteString("description", "A tag glob or a list of them; * also crosses /, as in Salt.");
        json.WriteStartArray("oneOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        Typed(json, "when", "string", "A CEL condition over event and vars.");
        Typed(json, "enabled", "boolean", "false turns the rule off.");
        Typed(json, "stop", "boolean", "When the condition holds, later rules do not see the event.");
        json.WriteStartObject("throttle");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("once_within");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        Ref(json, "once_within", "#/definitions/duration");
        Typed(json, "key", "string", "Throttle per value of this template, e.g. ${{ event.minion }}.");
        json.WriteEndObject();
        json.WriteEndObject();
        Ref(json, "retry", "#/definitions/retry");
        json.WriteStartObject("do");
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteStartArray("oneOf");
        foreach (var name in catalog.Names)
        {
            json.WriteStartObject();
            json.WriteString("$ref", $"#/definitions/action:{name}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRetry(Utf8JsonWriter json)
    {
        json.WriteStartObject("retry");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue("attempts");
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject("attempts");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteNumber("maximum", 100);
        json.WriteEndObject();
        Ref(json, "backoff", "#/definitions/duration");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAction(Utf8JsonWriter json, ActionSchema schema)
    {
        json.WriteStartObject($"action:{schema.Name}");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        json.WriteStringValue(schema.Name);
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteStartObject(schema.Name);
        json.WriteString("description", schema.Description);
        json.WriteStartArray("type");
        json.WriteStringValue("object");
        json.WriteStringValue("null");
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartArray("required");
        foreach (var argument in schema.Arguments.Where(a => a.Required))
        {
            json.WriteStringValue(argument.Name);
        }

        json.WriteEndArray();
        json.WriteStartObject("properties");
        foreach (var argument in schema.Arguments)
        {
            WriteArgument(json, argument);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        Ref(json, "retry", "#/definitions/retry");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArgument(Utf8JsonWriter json, ActionArgument argument)
    {
        json.WriteStartObject(argument.Name);
        json.WriteString("description", argument.Description);
        var type = argument.Kind switch
        {
            ArgumentKind.String => "string",
            ArgumentKind.Integer => "integer",
            ArgumentKind.Number => "number",
            ArgumentKind.Boolean => "boolean",
            ArgumentKind.Map => "object",
            ArgumentKind.List => "array",
            _ => null,
        };
        if (type is "string")
        {
            json.WriteString("type", type);
        }
        else if (type is not null)
        {
            // Any typed argument may also be one ${{ expression }} that yields the type when the rule runs.
            json.WriteStartArray("anyOf");
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("type", "string");
            json.WriteString("pattern", TemplatePattern);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Typed(Utf8JsonWriter json, string name, string type, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteString("description", description);
        json.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter json, string name, string target)
    {
        json.WriteStartObject(name);
        json.WriteString("$ref", target);
        json.WriteEndObject();
    }
}
