using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/events</c>.</summary>
/// <param name="Tag">The event's tag, such as <c>ci/build/finished</c>: no blanks or control characters.</param>
/// <param name="Data">The event's data, a JSON object; null or absent means <c>{}</c>.</param>
public sealed record PublishEventRequest(string Tag, JsonElement? Data);
