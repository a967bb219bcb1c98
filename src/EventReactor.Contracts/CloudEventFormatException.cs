using System.Text.Json;

namespace EventReactor.Contracts;

/// <summary>A message that is not a valid EventReactor CloudEvent; the message says what is wrong.</summary>
public sealed class CloudEventFormatException(string message) : JsonException(message);
