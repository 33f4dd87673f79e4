package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobListingTest {
  private static List<Job> jobs(int n) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(Job.newBuilder().setJobId("job-" + i)
          .setState(i % 2 == 0 ? JobState.JOB_STATE_SUCCEEDED : JobState.JOB_STATE_FAILED)
          .setSpec(JobSpec.newBuilder().setBrief(i % 3 == 0 ? "Kettle ad " + i : "shoe " + i))
          .build());
    }
    return jobs;
  }

  @Test
  void pagesThroughEveryJobOnceInOrder() {
    List<Job> all = jobs(7);
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListJobsResponse page = JobListing.page(all, ListJobsRequest.newBuilder().setPageSize(3)
          .setPageToken(token).build());
      page.getJobsList().forEach(j -> seen.add(j.getJobId()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4", "job-5",
        "job-6");
  }

  @Test
  void filtersByStateAndBriefText() {
    ListJobsResponse page = JobListing.page(jobs(7), ListJobsRequest.newBuilder()
        .addStates(JobState.JOB_STATE_SUCCEEDED).setBriefContains("KETTLE").build());
    assertThat(page.getJobsList()).extracting(Job::getJobId).containsExactly("job-0", "job-6");
    assertThat(page.getNextPageToken()).isEmpty();
  }

  @Test
  void refusesBadPageSizesAndTokens() {
    for (ListJobsRequest bad : List.of(ListJobsRequest.newBuilder().setPageSize(501).build(),
        ListJobsRequest.newBuilder().setPageToken("garbage!").build(),
        ListJobsRequest.newBuilder().setPageToken("bzotMQ").build())) {
      assertThatThrownBy(() -> JobListing.page(jobs(3), bad))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
  }
}
