namespace EventReactor.Reactor.Jobs;

/// <summary>Jobs sent to minions and their returns; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IJobStore
{
    Task CreateAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>Records a minion's return; a second return of the same minion to the same job replaces the first.</summary>
    Task SaveReturnAsync(string jid, JobReturn jobReturn, CancellationToken cancellationToken);

    /// <summary>Jobs that some targeted minion has not answered yet.</summary>
    Task<int> CountOutstandingAsync(CancellationToken cancellationToken);

    /// <summary>Whether the minion was sent a job after the given time; pools use it to find idle members.</summary>
    Task<bool> HasJobSinceAsync(string minion, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The newest jobs first, with their returns.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(int limit, CancellationToken cancellationToken);

    Task<JobRecord?> FindAsync(string jid, CancellationToken cancellationToken);
}
