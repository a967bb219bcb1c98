namespace EventReactor.Core.Benchmarks;

/// <summary>The output of a repetition did not hold the results its suite promises; the message says which reader found what.</summary>
public sealed class ResultExtractionException(string message) : Exception(message);
