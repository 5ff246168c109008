package io.runnel.sdk.options.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsInterfaceInspectorTest {

  public interface GetterWithoutSetter extends PipelineOptions {
    String getName();
  }

  public interface SetterWithoutGetter extends PipelineOptions {
    void setName(String value);
  }

  public interface MismatchedTypes extends PipelineOptions {
    int getSize();

    void setSize(long value);
  }

  public interface NotAnAccessor extends PipelineOptions {
    void run();
  }

  public interface UnsupportedType extends PipelineOptions {
    Map<String, String> getLabels();

    void setLabels(Map<String, String> value);
  }

  public interface DefaultOfWrongType extends PipelineOptions {
    @Default.Integer(3)
    String getName();

    void setName(String value);
  }

  public interface UnknownEnumDefault extends PipelineOptions {
    enum Color {
      RED
    }

    @Default.Enum("BLUE")
    Color getColor();

    void setColor(Color value);
  }

  public interface AnnotatedSetter extends PipelineOptions {
    String getName();

    @Description("on the wrong method")
    void setName(String value);
  }

  public interface NotOptions {
    String getName();

    void setName(String value);
  }

  public interface WellFormed extends PipelineOptions {
    String getURL();

    void setURL(String value);

    int getRetryCount();

    void setRetryCount(int value);
  }

  @Test
  void getterWithoutSetterIsRejectedNamingTheSetterToAdd() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(GetterWithoutSetter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GetterWithoutSetter.getName() has no matching setter")
        .hasMessageContaining("add 'void setName(java.lang.String value)'");
  }

  @Test
  void setterWithoutGetterIsRejectedNamingTheGetterToAdd() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(SetterWithoutGetter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SetterWithoutGetter.setName(String) has no matching getter")
        .hasMessageContaining("add 'java.lang.String getName()'");
  }

  @Test
  void getterAndSetterOfDifferentTypesAreRejected() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(MismatchedTypes.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MismatchedTypes.getSize() returns int")
        .hasMessageContaining("MismatchedTypes.setSize(long) takes long");
  }

  @Test
  void methodThatIsNeitherGetterNorSetterIsRejected() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(NotAnAccessor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NotAnAccessor.run() is neither a getter nor a setter");
  }

  @Test
  void unsupportedTypeIsRejectedListingTheSupportedOnes() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(UnsupportedType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UnsupportedType.getLabels() returns java.util.Map<java.lang.String, java.lang.String>")
        .hasMessageContaining("java.time.Duration");
  }

  @Test
  void defaultAnnotationOfTheWrongTypeIsRejected() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(DefaultOfWrongType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DefaultOfWrongType.getName() returns java.lang.String")
        .hasMessageContaining("@Default.Integer");
  }

  @Test
  void enumDefaultNamingNoConstantListsTheConstants() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(UnknownEnumDefault.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has an invalid default")
        .hasMessageContaining("'BLUE'")
        .hasMessageContaining("[RED]");
  }

  @Test
  void optionAnnotationOnASetterIsRejected() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(AnnotatedSetter.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AnnotatedSetter.setName(String) is annotated @Description")
        .hasMessageContaining("belong on the getter");
  }

  @Test
  void interfaceNotExtendingPipelineOptionsIsRejected() {
    assertThatThrownBy(() -> OptionsInterfaceInspector.inspect(NotOptions.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not extend io.runnel.sdk.options.PipelineOptions");
  }

  @Test
  void optionNamesFollowJavaBeansDecapitalization() {
    OptionsInterfaceModel model = OptionsInterfaceInspector.inspect(WellFormed.class);

    assertThat(model.properties().keySet())
        .containsExactly("URL", "jobName", "retryCount", "runner", "stableUniqueNames");
    assertThat(model.declaredProperties()).containsExactly("URL", "retryCount");
  }
}
