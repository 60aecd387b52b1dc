package vn.egov.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.MethodParameter;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import vn.egov.platform.events.IncomingEvent;

/** Lets a {@code @KafkaListener} method take an {@link IncomingEvent} parameter. */
class IncomingEventArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return IncomingEvent.class.equals(parameter.getParameterType());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof ConsumerRecord<?, ?> record
                && (record.value() == null || record.value() instanceof byte[])) {
            return IncomingEvent.from((ConsumerRecord<?, byte[]>) record);
        }
        throw new MessageConversionException(
                "IncomingEvent parameters need the platform's kafkaListenerContainerFactory (raw byte[] records)");
    }
}
