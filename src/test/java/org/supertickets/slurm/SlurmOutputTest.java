package org.supertickets.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Slurm 22.05's commands print (captured from a real cluster) read into task states. */
class SlurmOutputTest {

    @Test
    void squeueListsEveryTaskOfTheArrayOnItsOwnLine() {
        Map<Integer, TaskState> tasks = SlurmOutput.squeue("1|RUNNING|None\n2|PENDING|Resources\n3|PENDING|Priority\n");
        assertEquals(3, tasks.size());
        assertTrue(tasks.get(1).active());
        assertEquals("Resources", tasks.get(2).reason());
        assertTrue(tasks.get(3).pending());
    }

    @Test
    void scontrolGivesStateReasonAndExitCodeOfTasksAndOfTheRangesThatNeverStarted() {
        String text = "JobId=3 ArrayJobId=1 ArrayTaskId=1 JobName=sweep-x UserId=root(0) JobState=FAILED "
                + "Reason=JobLaunchFailure Dependency=(null) ExitCode=0:9 RunTime=00:00:52\n"
                + "JobId=2 ArrayJobId=1 ArrayTaskId=0 JobName=sweep-x JobState=COMPLETED Reason=None ExitCode=0:0\n"
                + "JobId=1 ArrayJobId=1 ArrayTaskId=2-3 JobName=sweep-x JobState=PENDING Reason=Resources "
                + "ExitCode=0:0\n";
        Map<Integer, TaskState> tasks = SlurmOutput.scontrol(text);
        assertEquals(4, tasks.size(), tasks.toString());
        assertEquals("FAILED (JobLaunchFailure), killed by signal 9 (KILL)", tasks.get(1).describe());
        assertTrue(tasks.get(0).completed());
        assertEquals("COMPLETED", tasks.get(0).describe());
        assertTrue(tasks.get(2).pending() && tasks.get(3).pending());
    }

    @Test
    void anArrayCancelledBeforeItsTasksStartedEndsEveryTaskOfItsRange() {
        // What 'scontrol -o show job' says of an array cancelled while its tasks were pending.
        String text = "JobId=112 ArrayJobId=112 ArrayTaskId=0,2-6:2%2 JobName=sweep-x JobState=CANCELLED "
                + "Reason=None Dependency=(null) ExitCode=0:0\n"
                + "JobId=113 ArrayJobId=112 ArrayTaskId=1 JobName=sweep-x JobState=COMPLETED Reason=None "
                + "ExitCode=0:0\n";
        Map<Integer, TaskState> tasks = SlurmOutput.scontrol(text);
        assertEquals(java.util.Set.of(0, 1, 2, 4, 6), tasks.keySet());
        assertTrue(tasks.get(0).describe().startsWith("CANCELLED"));
        assertTrue(tasks.get(6).describe().startsWith("CANCELLED"));
        assertTrue(tasks.get(1).completed(), "a task's own record wins over its array's");
    }

    @Test
    void sacctNamesTasksByJobAndIndexAndKeepsOnlyTheStateWord() {
        String text = "12_0|COMPLETED|0:0|None\n12_1|CANCELLED by 0|0:15|None\n12_2|TIMEOUT|0:0|TimeLimit\n"
                + "12_[3-4]|PENDING|0:0|Resources\n121_5|FAILED|1:0|NonZeroExitCode\n";
        Map<Integer, TaskState> tasks = SlurmOutput.sacct(text, "12");
        assertEquals(3, tasks.size(), "neither a pending range nor another job's task: " + tasks);
        assertEquals("CANCELLED, killed by signal 15 (TERM)", tasks.get(1).describe());
        assertEquals("TIMEOUT (TimeLimit)", tasks.get(2).describe());
        assertFalse(tasks.get(2).active());
    }

    @Test
    void aFailedExitIsDescribedByItsCode() {
        assertEquals("FAILED (NonZeroExitCode), exit code 1", new TaskState("FAILED", "NonZeroExitCode", "1:0")
                .describe());
        assertEquals("NODE_FAIL (NodeDown)", new TaskState("NODE_FAIL", "NodeDown", "0:0").describe());
    }
}
