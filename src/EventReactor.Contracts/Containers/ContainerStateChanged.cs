using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Containers;

/// <summary>
/// The data of <c>minion/&lt;id&gt;/docker/container/&lt;action&gt;</c>: one engine event of a container, or a transition the
/// minion found by reconciliation (<see cref="Reconciled"/> true). <see cref="Attributes"/> are the engine's, as text;
/// <see cref="Labels"/> are those of them that are container labels.
/// </summary>
public sealed record ContainerStateChanged(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("exitCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExitCode,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("reconciled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Reconciled = null);
