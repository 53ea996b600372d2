package org.chorus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary a profiled phase prints, from collapsed stacks as async-profiler writes them. */
class ServiceProfilesTest {

    @Test
    void countsSelfSamplesByLastFrameAndChorusMethodsOncePerStackLeavingOutGeneratedProxies(@TempDir Path directory) throws Exception {
        Path stacks = directory.resolve("ingest-survey-service.collapsed");
        Files.write(stacks, List.of(
                "[executor-thread-1 tid=7];java/lang/Thread.run;org/chorus/survey/response/ResponseResource_Subclass$0.apply;"
                        + "org/chorus/survey/response/ResponseResource.submit;"
                        + "org/chorus/survey/response/SubmissionStore_ClientProxy.insert;"
                        + "org/chorus/survey/response/SubmissionStore.insert;java/net/SocketOutputStream.write 6",
                // recursion: the method counts once for the stack, not once per frame
                "[executor-thread-2 tid=8];org/chorus/survey/results/TallyKeys.keys;"
                        + "org/chorus/survey/results/TallyKeys.keys;java/util/HashMap.put 3",
                "[vert.x-eventloop-thread-0 tid=9];epoll_wait 1"));

        List<String> summary = ServiceProfiles.summary("survey-service", stacks);

        assertEquals(List.of(
                "  survey-service: 10 samples of 1000 µs",
                "    most samples themselves: java.net.SocketOutputStream.write 60.0%, java.util.HashMap.put 30.0%, "
                        + "epoll_wait 10.0%",
                "    Chorus' own, with all under them: org.chorus.survey.response.ResponseResource.submit 60.0%, "
                        + "org.chorus.survey.response.SubmissionStore.insert 60.0%, "
                        + "org.chorus.survey.results.TallyKeys.keys 30.0%"), summary);
    }
}
