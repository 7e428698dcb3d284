package org.arxos.api.compute;

/**
 * A calculation job ended without a result: it failed or was cancelled. The message is the job's
 * {@link JobStatus#error() error}; {@link #job()} is the job as it ended.
 */
public class JobFailedException extends ComputeException {

    private static final long serialVersionUID = 1L;

    private final transient JobStatus job;

    public JobFailedException(JobStatus job, Throwable cause) {
        super(job.error(), cause);
        this.job = job;
    }

    /** The job as it ended: state {@link JobStatus.State#FAILED} or {@link JobStatus.State#CANCELLED}. */
    public JobStatus job() {
        return job;
    }
}
