import java.util.Collections;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;

/**
 * Readiness check of the local Kafka broker with the real Admin client (kafka-clients from the
 * same jars as the broker). Compiled once by infra.js into the cache.
 *
 * <p>Ready means: the cluster answers DescribeCluster with at least one broker and a controller,
 * ListTopics answers, and a CreateTopics request in validate-only mode is accepted by the KRaft
 * controller (so the metadata quorum is up, not only the socket).
 *
 * <p>Usage: java -cp 'libs/*:classes' KafkaReady 127.0.0.1:9092 [seconds]. Retries until the
 * deadline; exit 0 when ready, 1 otherwise (last error on stderr).
 */
public final class KafkaReady {
  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nrm-infra-readiness");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");

    String lastError = "no attempt";
    while (System.nanoTime() < deadline) {
      // A fresh client per attempt: no state (backoff, stale metadata) carried over from a failed one.
      try (Admin admin = Admin.create(props)) {
        DescribeClusterResult cluster = admin.describeCluster();
        String clusterId = cluster.clusterId().get(5, TimeUnit.SECONDS);
        Node controller = cluster.controller().get(5, TimeUnit.SECONDS);
        int brokers = cluster.nodes().get(5, TimeUnit.SECONDS).size();
        if (brokers < 1 || controller == null || controller.isEmpty()) {
          throw new IllegalStateException("no unfenced broker/controller in the cluster metadata yet");
        }
        Set<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS);
        admin
            .createTopics(
                Collections.singleton(new NewTopic("__nrm_readiness_probe", 1, (short) 1)),
                new CreateTopicsOptions().validateOnly(true).timeoutMs(5000))
            .all()
            .get(6, TimeUnit.SECONDS);
        System.out.println(
            "cluster " + clusterId + ", " + brokers + " broker(s), controller node "
                + controller.id() + ", " + topics.size() + " topic(s)");
        return;
      } catch (Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      }
      Thread.sleep(300);
    }
    System.err.println("Kafka not ready at " + bootstrap + " after " + seconds + " s: " + lastError);
    System.exit(1);
  }
}
