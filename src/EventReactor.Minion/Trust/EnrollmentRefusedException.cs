namespace EventReactor.Minion.Trust;

/// <summary>The reactor refused the enrollment for a reason that asking again will not change (a bad token, a bad request).</summary>
internal sealed class EnrollmentRefusedException(string message) : Exception(message);
