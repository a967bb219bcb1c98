namespace EventReactor.Core.Benchmarks;

/// <summary>How a result reader finds values in a container's output.</summary>
public enum ResultReaderKind
{
    /// <summary>A regular expression with a named group <c>value</c>, optionally <c>metric</c> and <c>unit</c>.</summary>
    Regex,

    /// <summary>Lines that are JSON objects with <c>metric</c>, <c>value</c> and optionally <c>unit</c>.</summary>
    JsonLines,
}
