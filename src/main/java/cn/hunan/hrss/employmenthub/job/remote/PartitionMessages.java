package cn.hunan.hrss.employmenthub.job.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition as it crosses the broker: Spring Batch's request (the step's name and the partition's step execution
 * id, nothing else: the work itself is in the shared job repository), as a small JSON text rather than a serialised
 * Java object, which a consumer must never deserialise from a queue.
 */
final class PartitionMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartitionMessages() {
    }

    static String write(StepExecutionRequest request) {
        return JSON.createObjectNode().put("stepName", request.getStepName()).put("stepExecutionId", request.getStepExecutionId())
                .toString();
    }

    static StepExecutionRequest read(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.path("stepName").isTextual() || !node.path("stepExecutionId").canConvertToLong()) {
                throw new IllegalArgumentException("not a partition request: " + cut(text));
            }
            return new StepExecutionRequest(node.get("stepName").asText(), node.get("stepExecutionId").asLong());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a partition request: " + cut(text), e);
        }
    }

    private static String cut(String text) {
        return text == null ? "null" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
