package org.arxos.grouping.functional.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The rules of the functional grouping. The defaults cover the kinds the synthetic building generator and the IFC
 * and SVG importers produce: the generator's devices and space uses, IFC element classes (lower-case, such as
 * {@code ifcwallstandardcase}), SVG walls, doors and windows, and the discipline of the system a component is in for
 * anything the more specific rules miss. IFC spaces carry no use ({@code space}), so they go to
 * {@code other-spaces}; IFC coverings, proxies and generic flow elements outside a system go to {@code other}.
 */
@ObjectClassDefinition(id = FunctionalGroupingConfiguration.PID, name = "Arxos functional grouping",
        description = "Which function each object has: ordered rules, the first that matches wins.")
@interface FunctionalGroupingConfiguration {

    String PID = "org.arxos.grouping.functional";

    @AttributeDefinition(name = "Rules", description = "In order, each function=pattern,pattern,... where a pattern "
            + "is type:kind or type:kind@system-kind (type building, floor, zone, space, system, component or *; "
            + "kinds are globs: * any characters, ? one). The first rule with a matching pattern gives the "
            + "function; objects that no rule matches go to 'other'. A change applies to the next grouping; a rule "
            + "that cannot be read is logged and the rules in force are kept.")
    String[] rules() default {
        "lighting=component:light-fixture,component:lamp*,component:luminaire*,component:occupancy-sensor,"
                + "component:ifclightfixture,component:ifclamp",
        "power=component:receptacle,component:outlet*,component:panel,component:circuit,component:switchboard,"
                + "component:riser@electrical,component:ifcoutlet,component:ifcelectric*,component:ifccable*,"
                + "component:ifcjunctionbox,component:ifcswitchingdevice,component:ifcprotectivedevice*,"
                + "component:ifctransformer,component:ifcmotorconnection,component:ifcsolardevice",
        "hvac-terminals=component:duct-terminal,component:diffuser*,component:grille*,component:thermostat,"
                + "component:ifcairterminal,component:ifcspaceheater,component:ifccooledbeam",
        "hvac-equipment=component:vav-box,component:air-handler,component:riser@mechanical,"
                + "component:ifcairterminalbox,component:ifcairtoairheatrecovery,component:ifcduct*,"
                + "component:ifcdamper,component:ifcfan,component:ifcfilter,component:ifccoil,component:ifcchiller,"
                + "component:ifcboiler,component:ifcburner,component:ifccompressor,component:ifccondenser,"
                + "component:ifccoolingtower,component:ifcevaporat*,component:ifcheatexchanger,"
                + "component:ifchumidifier,component:ifcunitaryequipment,component:ifctubebundle,component:ifcengine",
        "plumbing-fixtures=component:lavatory,component:water-closet,component:urinal,component:floor-drain,"
                + "component:sink*,component:shower*,component:ifcsanitaryterminal,component:ifcwasteterminal,"
                + "component:ifcstackterminal,component:ifcliquidterminal",
        "plumbing-distribution=component:water-main,component:water-branch,component:riser@plumbing,"
                + "component:ifcpipe*,component:ifcvalve,component:ifcpump,component:ifctank,"
                + "component:ifcinterceptor,component:ifcflowmeter",
        "life-safety=component:ifcfiresuppressionterminal,component:ifcalarm,component:sprinkler*,"
                + "component:smoke-detector*,component:fire-*",
        "egress=space:corridor*,space:stair*,space:lobby*,space:exit*,space:hall*,component:ifcstair*,"
                + "component:ifcramp*,component:ifcrailing,component:ifcdoor*,component:ifctransportelement,"
                + "component:door*,component:stair*,component:exit*",
        "workspaces=space:office*,space:open-office,space:workstation*,space:studio*,space:lab*,space:classroom*",
        "meeting=space:meeting*,space:conference*,space:boardroom*",
        "support=space:restroom*,space:toilet*,space:storage*,space:pantry*,space:kitchen*,space:copy-room*,"
                + "space:utility*,space:janitor*,space:server*,space:plant*",
        "other-spaces=space:*",
        "structure=component:ifcwall*,component:wall*,component:ifcslab*,component:slab*,component:ifcbeam*,"
                + "component:beam*,component:ifccolumn*,component:column*,component:ifcmember*,component:ifcplate*,"
                + "component:ifcfooting,component:ifcpile,component:ifcreinforcing*,component:ifctendon*,"
                + "component:ifcbuildingelementpart",
        "envelope=component:ifcwindow*,component:window*,component:ifcroof,component:roof*,"
                + "component:ifccurtainwall,component:curtain-wall*,component:ifcshadingdevice,component:ifcchimney",
        "furnishing=component:ifcfurnishingelement,component:ifcfurniture,component:ifcsystemfurnitureelement,"
                + "component:furniture*,component:desk*,component:chair*",
        "power=component:*@electrical",
        "hvac-equipment=component:*@mechanical",
        "plumbing-distribution=component:*@plumbing",
        "life-safety=component:*@life-safety",
        "structure=component:*@structural",
        "envelope=component:*@architectural",
        "organization=floor:*,zone:*,system:*"
    };
}
