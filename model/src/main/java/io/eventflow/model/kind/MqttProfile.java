package io.eventflow.model.kind;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.MqttTopic;

/** MQTT: a channel is a topic publishers send to at a QoS ({@link MqttTopic}). */
final class MqttProfile implements KindProfile {
    @Override
    public BrokerKind kind() {
        return BrokerKind.MQTT;
    }

    @Override
    public MqttTopic readChannel(SettingsSource f) {
        return new MqttTopic(f.integer("qos"), f.bool("retained"));
    }

    @Override
    public void writeChannel(Channel c, SettingsSink o) {
        MqttTopic m = MqttTopic.of(c);
        o.put("qos", m.qos());
        o.put("retained", m.retained());
    }

    @Override
    public void checkChannel(Channel c, Broker broker, String p, ChannelChecks out) {
        Integer qos = MqttTopic.of(c).qos();
        if (qos != null && (qos < 0 || qos > 2)) {
            out.impossible(p + "/qos", "MQTT QoS is 0, 1 or 2, not " + qos, null);
        }
    }

    @Override
    public String settingsName() {
        return "MQTT settings (qos, retained)";
    }

    @Override
    public String misfitHint() {
        return "put the channel on an mqtt broker or remove qos/retained";
    }
}
