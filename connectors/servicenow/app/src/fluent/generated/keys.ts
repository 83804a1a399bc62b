import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    ajax_execute: {
                        table: 'sys_security_acl'
                        id: 'fe053a76e4524b1982f3d8f1e861d197'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: '31c60ea30d484b49bc45fafa2a5adf1f'
                    }
                    checkpoint_create: {
                        table: 'sys_security_acl'
                        id: '5c7fedf3cb154b6fb06e995a02929c5b'
                    }
                    checkpoint_delete: {
                        table: 'sys_security_acl'
                        id: '1326752833b84d3ebb77121e048b1eaa'
                    }
                    checkpoint_read: {
                        table: 'sys_security_acl'
                        id: 'fb4bbc685cc649eda1c8beb27d2acb0b'
                    }
                    checkpoint_write: {
                        table: 'sys_security_acl'
                        id: '1c0469de6b064a728f6f19f175bd8226'
                    }
                    doorbell_token: {
                        table: 'sys_properties'
                        id: '61969d202864468ba5ab3879e86262da'
                    }
                    doorbell_url: {
                        table: 'sys_properties'
                        id: '89d861728e244702ba685009188d0330'
                    }
                    incident_accept: {
                        table: 'sys_ui_action'
                        id: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                    }
                    incident_assign: {
                        table: 'sys_ui_action'
                        id: 'f5af23c8c7364b6e8640d3a91a317e64'
                    }
                    incident_data_classification_write: {
                        table: 'sys_security_acl'
                        id: 'c82c08e313104fe49c35dc11eb62f7a0'
                    }
                    incident_escalate: {
                        table: 'sys_ui_action'
                        id: '2395975924e34dc9beaa70cc1f678bc4'
                    }
                    incident_panel_write: {
                        table: 'sys_security_acl'
                        id: '60c167f3f5b7425d8e00125af8a916f8'
                    }
                    incident_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: 'dafe4780030a4c7a80e24332915ace33'
                    }
                    incident_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: '330da7b5097c4ee79d78bc2c13edc53b'
                    }
                    incident_reject: {
                        table: 'sys_ui_action'
                        id: '431cea3392964522913e3ef19a096f00'
                    }
                    incident_status_write: {
                        table: 'sys_security_acl'
                        id: 'b761dbd5f8af45d9b90e0875b1eb1db1'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '57bd6dc74f774c4195c374c423f5553f'
                    }
                    privilege_ci_read: {
                        table: 'sys_scope_privilege'
                        id: '1ea81b99b2f0446c9eb0a3df715cb380'
                    }
                    privilege_group_member_read: {
                        table: 'sys_scope_privilege'
                        id: '9c0875a2bde344d5889f94249bfa8546'
                    }
                    privilege_journal_read: {
                        table: 'sys_scope_privilege'
                        id: 'ff58cab2356c4fb0b4f27cb6a9ffdd91'
                    }
                    privilege_user_read: {
                        table: 'sys_scope_privilege'
                        id: '28e349c9b6bc4ce89a5959dff0761cfa'
                    }
                    request_before_insert: {
                        table: 'sys_script'
                        id: '1fbf6ce7b1fc472692f69429850dae9f'
                    }
                    request_create: {
                        table: 'sys_security_acl'
                        id: 'dde1266385434a908d74aa4c84646ca3'
                    }
                    request_delete: {
                        table: 'sys_security_acl'
                        id: '01ef6127bb2d49329ae8820052339f45'
                    }
                    request_doorbell: {
                        table: 'sys_script'
                        id: '3314104409f84c89afb9b4cba0df322c'
                    }
                    request_fields_write: {
                        table: 'sys_security_acl'
                        id: '37bbecdda5af47e7ae1c182f371175be'
                    }
                    request_handoff_write: {
                        table: 'sys_security_acl'
                        id: '8b5eb67050c745cba3956fadd99e7316'
                    }
                    request_message_write: {
                        table: 'sys_security_acl'
                        id: '5c8e4d19bea14006bfab3fbc28f9c72f'
                    }
                    request_read: {
                        table: 'sys_security_acl'
                        id: 'd89fc2a9c3104492a9238a5f9f2d2759'
                    }
                    request_remedy_write: {
                        table: 'sys_security_acl'
                        id: '52c338869f1a438bbac1b3665fc63d49'
                    }
                    request_state_write: {
                        table: 'sys_security_acl'
                        id: 'e814b4796b7843b78245dc9c07b0b986'
                    }
                    request_write: {
                        table: 'sys_security_acl'
                        id: 'f68c8d940bea405db86b05cada0c7504'
                    }
                    review_before_insert: {
                        table: 'sys_script'
                        id: '65cfdd00f0354d8084bc047dc3a6dc7f'
                    }
                    review_create: {
                        table: 'sys_security_acl'
                        id: '0ee48aa322864636bcdca89acc5bdd8b'
                    }
                    review_delete: {
                        table: 'sys_security_acl'
                        id: 'e8aca75d634249329f535f2f7d7dc682'
                    }
                    review_doorbell: {
                        table: 'sys_script'
                        id: 'e79f85f8b4224b73ba1a09fb30f8a2c1'
                    }
                    review_fields_write: {
                        table: 'sys_security_acl'
                        id: 'e66704a0ec7c470dbbef12f196565a42'
                    }
                    review_message_write: {
                        table: 'sys_security_acl'
                        id: 'e6567933ab4b445d8c7bad7f1db9d58a'
                    }
                    review_read: {
                        table: 'sys_security_acl'
                        id: 'ab1ff76d70824e56ab7dba65e74a943b'
                    }
                    review_remedy_write: {
                        table: 'sys_security_acl'
                        id: '3fbb59b06fa643f2ad71e5a9d4ddea41'
                    }
                    review_state_write: {
                        table: 'sys_security_acl'
                        id: '06f6a9955ac74c5fa7db2c778ea513cd'
                    }
                    review_write: {
                        table: 'sys_security_acl'
                        id: '7d6d1a77cca149a5a316fe81e2e6f6ae'
                    }
                    rm_enhancement_accept: {
                        table: 'sys_ui_action'
                        id: 'f3f5aab5252c469f96f2b249be4b3a89'
                    }
                    rm_enhancement_assign: {
                        table: 'sys_ui_action'
                        id: 'f9d756bf5a4945428e5adf91e0d303e2'
                    }
                    rm_enhancement_data_classification_write: {
                        table: 'sys_security_acl'
                        id: '714fa9ae251f4663a490f623b7b844cc'
                    }
                    rm_enhancement_escalate: {
                        table: 'sys_ui_action'
                        id: '5ae6a6f785264cf4b4b19a877c535822'
                    }
                    rm_enhancement_panel_write: {
                        table: 'sys_security_acl'
                        id: '1b4c35e2b2224c35b639979ccb33e140'
                    }
                    rm_enhancement_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: '51ea832409bc48748ad9ed72f05c665d'
                    }
                    rm_enhancement_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: '144c5dd8d3924bc78fd1e5c82c7e56dd'
                    }
                    rm_enhancement_reject: {
                        table: 'sys_ui_action'
                        id: '880ca49e799946379f4b740a776e7e0e'
                    }
                    rm_enhancement_status_write: {
                        table: 'sys_security_acl'
                        id: '91e3c3b24d4c4ee18463241c3af9313e'
                    }
                    sc_req_item_accept: {
                        table: 'sys_ui_action'
                        id: '92647f265a2c46d58c9e667f899e3ac6'
                    }
                    sc_req_item_assign: {
                        table: 'sys_ui_action'
                        id: '3a0dad98bdc541d0823f2ec68ab6b971'
                    }
                    sc_req_item_data_classification_write: {
                        table: 'sys_security_acl'
                        id: '64c2fba275b14b0082e9370263cd7e81'
                    }
                    sc_req_item_escalate: {
                        table: 'sys_ui_action'
                        id: 'ae1ff1512c624e4d8030953f6330d653'
                    }
                    sc_req_item_panel_write: {
                        table: 'sys_security_acl'
                        id: 'aa897c888d26494a822b3442a6e1c634'
                    }
                    sc_req_item_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: 'afbb3433141546a9bf3f05f313f65f45'
                    }
                    sc_req_item_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: 'c4db61ef634c4b98aa344919bbdf6ad1'
                    }
                    sc_req_item_reject: {
                        table: 'sys_ui_action'
                        id: 'f801c5ddc4194b28af8964d6992e1ef9'
                    }
                    sc_req_item_status_write: {
                        table: 'sys_security_acl'
                        id: 'ef700c61c00e4544a26f33c86c776081'
                    }
                    sc_request_accept: {
                        table: 'sys_ui_action'
                        id: '4898f288f36646308a855aafe3b5abfd'
                    }
                    sc_request_assign: {
                        table: 'sys_ui_action'
                        id: 'ab13b098b7ab4c4ca9a6248d75119fad'
                    }
                    sc_request_data_classification_write: {
                        table: 'sys_security_acl'
                        id: 'ac104f72b65344f2bc774b5970c5f107'
                    }
                    sc_request_escalate: {
                        table: 'sys_ui_action'
                        id: '183bf2409df7431cb4a99d48bdbb1583'
                    }
                    sc_request_panel_write: {
                        table: 'sys_security_acl'
                        id: '1729b7baaa23448e93f4cebef1f37e02'
                    }
                    sc_request_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: '3bd4191091554acebc73303f270ecf20'
                    }
                    sc_request_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: '830bb41adade4f4ea837cb49d2791577'
                    }
                    sc_request_reject: {
                        table: 'sys_ui_action'
                        id: '9861afc0cfec40d7952f1cd5d96548bd'
                    }
                    sc_request_status_write: {
                        table: 'sys_security_acl'
                        id: '26ce76d9ca994bec892b5e777ff07883'
                    }
                    script_include_ajax: {
                        table: 'sys_script_include'
                        id: '92fbbfaec6754dc48544e4f90af5224f'
                    }
                    script_include_doorbell: {
                        table: 'sys_script_include'
                        id: '248066985f87491ead7a265893ee79e4'
                    }
                    script_include_intake: {
                        table: 'sys_script_include'
                        id: '3cd285fd4a8f4bf19f636fc0e70cf4c6'
                    }
                    script_include_read_check: {
                        table: 'sys_script_include'
                        id: '6a05070e19084149bff94f02e3d39415'
                    }
                    script_include_scope_review: {
                        table: 'sys_script_include'
                        id: 'c63a87f5a1fb43bf9347cf01707429b7'
                    }
                    script_include_server: {
                        table: 'sys_script_include'
                        id: 'e0feb89aab2f4f9984d5c70f1cdd13dd'
                    }
                    script_include_ticket_api: {
                        table: 'sys_script_include'
                        id: '121fce14e83141b8b10f52c29567795e'
                    }
                    sn_si_incident_accept: {
                        table: 'sys_ui_action'
                        id: '862585fea71c425b83b1e53848cca76c'
                    }
                    sn_si_incident_assign: {
                        table: 'sys_ui_action'
                        id: '2504e7fb7e614aa098dca69bf7913623'
                    }
                    sn_si_incident_data_classification_write: {
                        table: 'sys_security_acl'
                        id: 'b9a5a7ea831d42ef9b324bed98f72d79'
                    }
                    sn_si_incident_escalate: {
                        table: 'sys_ui_action'
                        id: '150d02e2956547b796219e82ed81d3a1'
                    }
                    sn_si_incident_panel_write: {
                        table: 'sys_security_acl'
                        id: 'f9a99a9bfa8b4ef0bc1db4c87f1e8bf8'
                    }
                    sn_si_incident_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: '0be948a241154da39b6c2af03fe1565f'
                    }
                    sn_si_incident_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: 'b724600e26304feb8f8b17cecff44f73'
                    }
                    sn_si_incident_reject: {
                        table: 'sys_ui_action'
                        id: '17ba767d81de464684fa0ad963cb7100'
                    }
                    sn_si_incident_status_write: {
                        table: 'sys_security_acl'
                        id: '9e4b2d3f6da04ce3b0c2136e4250f401'
                    }
                    ticket_api: {
                        table: 'sys_ws_definition'
                        id: '586b1424d48f4fd4be78184ef4e816ec'
                    }
                    ticket_api_execute: {
                        table: 'sys_security_acl'
                        id: '1f8d58473bdb4954967b63f87d2b49f7'
                    }
                    ticket_api_v1: {
                        table: 'sys_ws_version'
                        id: '26aecc8fb0254a5980326d53cd1dafb3'
                    }
                    ticket_api_write: {
                        table: 'sys_ws_operation'
                        id: '78df8243566943c6b87c371a020076e1'
                    }
                    u_vendor_access_request_accept: {
                        table: 'sys_ui_action'
                        id: '7032ce535a4c4034963bc54afcc7d851'
                    }
                    u_vendor_access_request_assign: {
                        table: 'sys_ui_action'
                        id: '7824410e7a0e4205975ae14bb48ace9f'
                    }
                    u_vendor_access_request_data_classification_write: {
                        table: 'sys_security_acl'
                        id: '9e3b946e3cdb4a40ad65b0d0b9dae420'
                    }
                    u_vendor_access_request_escalate: {
                        table: 'sys_ui_action'
                        id: '60cc1c203e1249b9a554ca51bc1440b4'
                    }
                    u_vendor_access_request_panel_write: {
                        table: 'sys_security_acl'
                        id: '72df8e1ea1964a3e87095c7cbb43f25a'
                    }
                    u_vendor_access_request_privilege_read: {
                        table: 'sys_scope_privilege'
                        id: '861343e02cc8412f8933f1753b59293a'
                    }
                    u_vendor_access_request_privilege_write: {
                        table: 'sys_scope_privilege'
                        id: '9473360bcf384e3fbecbbe558b91e997'
                    }
                    u_vendor_access_request_reject: {
                        table: 'sys_ui_action'
                        id: 'd0e683bb38a44162b5d2dbe10ccc3ce1'
                    }
                    u_vendor_access_request_status_write: {
                        table: 'sys_security_acl'
                        id: '52dc32c05d8340f7854fb65e81dfdaeb'
                    }
                    ui_page_read: {
                        table: 'sys_security_acl'
                        id: '8df40cf0700044beae903e4cdd38e12a'
                    }
                    ui_script_dialog: {
                        table: 'sys_ui_script'
                        id: '5b0e1f314f774d40a285d5528be0e31c'
                    }
                    ui_script_scope_review: {
                        table: 'sys_ui_script'
                        id: '3bfb4f2285ee427daa7b667b5e29c1ff'
                    }
                }
                composite: [
                    {
                        table: 'sys_ui_action_role'
                        id: '00796386787d49c29ea6adef159e4df6'
                        key: {
                            sys_ui_action: '2504e7fb7e614aa098dca69bf7913623'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '020a52f6252146f5890a5eb26e7e457e'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '026bca19812d4f5796ea47b870c4950d'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '038d41b3ac2e415d95de6ecae0d7c290'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '03c651e60df24a0d83e1b2827af759c1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '04f0aeb6ae2444a382abd1b4ea3f9f8b'
                        key: {
                            sys_security_acl: 'b761dbd5f8af45d9b90e0875b1eb1db1'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0741d514203844f5a9c68200949a856e'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '07a4bf5cba064d83b2c069ac571f5b07'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '07e52a2f30ba4fa6a9a04e4dfa7f186f'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'operation'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '08d4ff5674524fd691c390270358c5d0'
                        key: {
                            sys_ui_action: 'ae1ff1512c624e4d8030953f6330d653'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '08fcc733db5142bea7566ee251319522'
                        key: {
                            sys_security_acl: '1f8d58473bdb4954967b63f87d2b49f7'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0998fea87aa04b8fac17f4fb8711e42f'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0c1f1ab6264c46d7aed01f7f75ce1550'
                        key: {
                            sys_security_acl: 'fe053a76e4524b1982f3d8f1e861d197'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0c89053da30e4f518bc69658105e978e'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0cc22a2e242f46fa8f0a0be77b15aefc'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0ccef115072b43769f1f159a913697fe'
                        key: {
                            sys_security_acl: 'fb4bbc685cc649eda1c8beb27d2acb0b'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '0d6199b8ac6a4943af6a06be0e233d69'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '0deca9756e1f41a49de9982ba2a3ff4f'
                        key: {
                            sys_ui_action: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '10b68dd014024d748ad8cce66ca149e6'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'head'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '10dfe31a77264123a3f34bd551651b7f'
                        key: {
                            sys_security_acl: '0ee48aa322864636bcdca89acc5bdd8b'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '132077264d5a4e4ba825c2ded7bc68ec'
                        key: {
                            sys_ui_action: '92647f265a2c46d58c9e667f899e3ac6'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '151c844853b54236b0e10b3cdc36c69b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '161f22191cbd4a7095d4cd73e3b770bb'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '163fa785a4924de3a71c7aa91493e4c4'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1753f9cd2e624063a748c6dc841cb40c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '18879d42107445268238bb0d96107415'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1937da9274d7436ea9b929202043e98e'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '19ac2ac062f6494e811023001656a8e3'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1a522c6ef56d474c8dc3108bb1d1772f'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'handoff'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '1a980908f1914ed79062cb595d636318'
                        key: {
                            sys_ui_action: '3a0dad98bdc541d0823f2ec68ab6b971'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1b38c223a57b4b118f9f7a6c7ebb9ea7'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1c3bac63483c4703ab32522c9b385ab3'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1cf28eb1a3f84cf5b5c719c7443373d3'
                        key: {
                            sys_security_acl: 'd89fc2a9c3104492a9238a5f9f2d2759'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1d760539160343bb840c5afbc2182df1'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'message'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1ebdded221624e9e95804274212b4772'
                        key: {
                            sys_security_acl: '8b5eb67050c745cba3956fadd99e7316'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1efc7717abb64c398c537454d2665ac8'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1f37d3d454294eba93b6bd35a37352b7'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '1fa7fa47fca1420b866e0e9f4264b623'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2001060ff3154a7fb264c5ff9516354d'
                        key: {
                            sys_security_acl: '7d6d1a77cca149a5a316fe81e2e6f6ae'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_page'
                        id: '21265fb737c241c6bb3896bb60e5b55a'
                        key: {
                            endpoint: 'x_acme_aihandoff_handoff_dialog.do'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '2130a26776734f1db4b29ea061bd9b37'
                        key: {
                            sys_ui_action: '2395975924e34dc9beaa70cc1f678bc4'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2155d8b2277246df987568a89e546ae5'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2254b4ab9ecc42e2a7b5b842e582f42c'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '225bf5b67e9a42f38f169e87643b2398'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '22868c7f9ec641e2b797abc5ba8cdb9d'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'remedy'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '2377f74700844ddabcd90413dfad0ed8'
                        key: {
                            name: 'rm_enhancement'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2392a396061545ae8d0ef77ad5af5f0e'
                        key: {
                            sys_security_acl: 'aa897c888d26494a822b3442a6e1c634'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '246cc10c70b8439281f020f972567df2'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '263c4e4a35824865b36cc1affde85e26'
                        key: {
                            sys_ui_action: '7824410e7a0e4205975ae14bb48ace9f'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '2680ae32271e4597af0060df292e11d8'
                        key: {
                            sys_ui_action: '60cc1c203e1249b9a554ca51bc1440b4'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '2878a61d01f94379903299c56e17248c'
                        key: {
                            name: 'rm_enhancement'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '293fed95715c42ff91ec6159b62f502e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '295307d683c0482ca2cad8fb302d367e'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'operation'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '29e68c36306d43fdbf9c4dbc04431845'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2a9bd7766fde4a25918bc73989f40d08'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2afd786abedb4876ab41766f3a2aa562'
                        key: {
                            sys_security_acl: '5c8e4d19bea14006bfab3fbc28f9c72f'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2b0997ea2ed64e0dbaeb4d30c20ed805'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2c136f6a83e94cd1b499e876e7a3f0db'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2c1f53df41484e9c9f2933753ea8915b'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2cbf0c639787478dae662e8237cfc149'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2f53c1efb1b94ecb96e2053460ab2035'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'remedy'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2fd8cfd9fc9c47228824a8c2054e0e43'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3136d456f457402994d39a35b21cf26d'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'reviewed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '31cfcd6b43204370881811bd0b4e326e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '3204bef4e7b34d69b513f15eb17c394c'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '326fbd67dc38460b93fc1df804a00293'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'remedy'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '32db36f1f26a4af6aaa6edf029c2eb37'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                            value: 'escalate'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '336445f039964b179995799f6139b7f7'
                        key: {
                            sys_ui_action: '880ca49e799946379f4b740a776e7e0e'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '33f0b3dcc3f349c29af0cdd99a9ff6fe'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '345eb776a39547b5889b1f19d35fb4d0'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                            value: 'accept'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '34a34c290f034a1ca5576802c44b3356'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '355249d1062d47cc80f00a3d1a57978e'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '35ad31514951483cba7e23992c21387d'
                        key: {
                            name: 'x_acme_aihandoff.integration'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3667c7ecaf544cba8ad35c0897f7136d'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '36fe727735534d5ebd08e66d79b35fe4'
                        key: {
                            sys_ui_action: '880ca49e799946379f4b740a776e7e0e'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '37c6785f0f6a4d238e3957e61c0a2c8c'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '382fea7506f642f49a880f9210e1e107'
                        key: {
                            name: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3833ee07265d461395ce7d7fe8f5bd4f'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3842a7ef3b3241d085ddbf89982fe7f1'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3979c2de1d354b2b89c3313549878b73'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'ledger'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '3a692a7a82924241b8870ed2228498d7'
                        key: {
                            name: 'x_acme_aihandoff.reviewer'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3a77a725edc841c4965856e9235055a3'
                        key: {
                            sys_security_acl: '714fa9ae251f4663a490f623b7b844cc'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3c09993199fa41e2b0eb7f7a088d08d1'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'comment'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3c90743b4017486e8dfc93a7b83d1b14'
                        key: {
                            sys_security_acl: 'dde1266385434a908d74aa4c84646ca3'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3cf9ca2bc4fc4fd098492df712297f30'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'remedy'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3df283b1282a4b299450b3853de1eb35'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3ea540b0cfc748e7afac08c66541c08c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3eb78a2b34a44964b34acefdb6df0528'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3fde66cef81b4edb89f96dec6242be80'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '41378a15a65a41608a2def2dcfa43470'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'comment'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '427afa13366443c08492bd003c27bd3c'
                        key: {
                            sys_security_acl: 'ab1ff76d70824e56ab7dba65e74a943b'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '42a870af65f04693a1357a7a564fa0e4'
                        key: {
                            name: 'x_acme_aihandoff.data_steward'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '42aaa8d55a2946dabdbdf61db2a344f0'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '434e13a6127d41ce8c190bb08cf508f5'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '45fad171901b4ede91bbd9b0101fa5de'
                        key: {
                            sys_security_acl: 'ef700c61c00e4544a26f33c86c776081'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4865d533285e4b2589c9b875dfef798e'
                        key: {
                            sys_security_acl: '60c167f3f5b7425d8e00125af8a916f8'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4a329c84cbeb4df992403a510331e618'
                        key: {
                            name: 'incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4ca732f5bd554d418843920a7076f978'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'message'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4cf235fd5aa64d4aae83e61659b11cde'
                        key: {
                            sys_security_acl: '64c2fba275b14b0082e9370263cd7e81'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '4db0ab93b1344379b92460c707ec65c7'
                        key: {
                            logical_table_name: 'x_acme_aihandoff_request'
                            col_name_string: 'state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4e83e18f16fb421893e259ece5b808c7'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4f03f5b4bc9947c9bd406127eba12e6e'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                            value: 'recorded'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '50f3f3520989449c9df01b9b3afdb76b'
                        key: {
                            name: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '51df77c78b634e6c969476ff2e9eae66'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '520a5b77af0c4baebf34b6230d69a5d9'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'head'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '520d881ab67245be8df259d0d961aa8f'
                        key: {
                            name: 'x_acme_aihandoff.agent'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5217645f8548485b8c4cc94883d3176a'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '529256ab54eb4397b25994b58ad49d15'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '52f8b369a845445cb220fdcdf070b148'
                        key: {
                            logical_table_name: 'x_acme_aihandoff_review'
                            col_name_string: 'ticket,handoff,state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5444bf2743384a16871bd5604dbeca15'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'ticket_table'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '54bb3bd540e5431bae0ed9727e5cf0b4'
                        key: {
                            sys_ui_action: '183bf2409df7431cb4a99d48bdbb1583'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '55050f97fae64b918c12324530334c34'
                        key: {
                            sys_ui_action: 'f5af23c8c7364b6e8640d3a91a317e64'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '56155d71d75c4aa2b7d2c66bbc480ccd'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '573793a28b3940b4acd571992dd4ae8b'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'ticket'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '579873c182ee4f77ac308fe75de7965c'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '5950aa15e35343d7aae0a5f6209f5145'
                        key: {
                            sys_ui_action: 'd0e683bb38a44162b5d2dbe10ccc3ce1'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '597876255d8240139ebbd0f2a09db8c7'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a545d2c2bbc46369d0fe420a7256f76'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'ticket_table'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5b2f5f7578224cad9317218327bd6002'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5d10d33a6856456c9465eb21e3d52b91'
                        key: {
                            name: 'rm_enhancement'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5dcb5d8a1f124666923570d50681adc5'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'message'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e4d7ba0e24f40b5b175793115860a52'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5e6735d149ec45c9a85c260f212b7f85'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '5e9415ac643145fcad5857ff29eee0ab'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5eb2e0c0e67a4f2489172b60460f60eb'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '621b4147b48b43bd99e18650b4e8ff80'
                        key: {
                            sys_security_acl: '26ce76d9ca994bec892b5e777ff07883'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '62524084fbad4962b476c19586d30449'
                        key: {
                            sys_ui_action: '150d02e2956547b796219e82ed81d3a1'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '650756aed6604377a44c71daddcd4f13'
                        key: {
                            sys_security_acl: '9e3b946e3cdb4a40ad65b0d0b9dae420'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '669fe9b8c01b4ae1a70fbbf8e7ccff67'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '66db323a249842e487f7b0330836665f'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '66ea61e1a30b4554929742f7b1d5013b'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6840a94b329445ed91878651101b4bfc'
                        key: {
                            sys_ui_action: '2395975924e34dc9beaa70cc1f678bc4'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '691dc2888d114246bd474f673f024620'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '69a3df41dfeb48db82f6bb66e461968d'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '69f9e7892c534ecc8b4caa755bbd9e93'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                            value: 'reject'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '6ac7696beb34437f8c92da7474419336'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6b1d1a402e504ee2838b8185aa7cee1b'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'reviewed_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6dbbd5776bd24c07a38b3857ce63b12d'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6e6492495c03446ea36926ef8bfa6dd3'
                        key: {
                            sys_ui_action: '92647f265a2c46d58c9e667f899e3ac6'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '6ebf80f6c3b34b13a26fae404c66c50a'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '702a8b7d25f04c73855993fb01f54079'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'ticket'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '72a0a60b6a36424abfcb66902aa62656'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '74492999337648f3b938c515cde21a76'
                        key: {
                            name: 'sc_req_item'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '74fad6a8cce144b79965e86b2ff6341b'
                        key: {
                            sys_ui_action: '9861afc0cfec40d7952f1cd5d96548bd'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7564b4ee9a174031a42fb7ce0aef675b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '75870e3ad77046629cede6b4df9dc067'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7649a81df18e4ae3ab9df195c8a9ecfb'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '76ae70ff67624ad4ae02b6dc0984f5d2'
                        key: {
                            sys_security_acl: '52c338869f1a438bbac1b3665fc63d49'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '7a06232b29bf4c05b79fd634ee3b5824'
                        key: {
                            sys_ui_action: '17ba767d81de464684fa0ad963cb7100'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7b6d5dde63374030b9d6ad984c9bdcb1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7bed6799db414f7292df51767cc31636'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7c7e799bb076426098500a2103b540a2'
                        key: {
                            sys_security_acl: '1729b7baaa23448e93f4cebef1f37e02'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '7e44359485f6451794cb46af3d7749cd'
                        key: {
                            name: 'sn_si_incident'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7efaab1720324d189044ac6177682114'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7f12738839224bd5a8e442be838600e1'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '804feac3186e4fbf860e8cae8330b0b1'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '80bab74ada6844e4938825bf80cd07af'
                        key: {
                            sys_security_acl: 'd89fc2a9c3104492a9238a5f9f2d2759'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '812f7f291b9146d0b0b8ee21c466ae63'
                        key: {
                            sys_ui_action: '431cea3392964522913e3ef19a096f00'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8172e83dc9034433b1fc6b74e697a769'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '817b8bec3d39437b9536f2a875c62f1f'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '82bbac68c54d4df5b676fedd43bd1822'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '82bcfa1190e54f7f9716d94d62f5e4a9'
                        key: {
                            name: 'sn_si_incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '83943beb43fa49669aa26c8c5f99a3ba'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '84d9ca34c24b4c58b2b8cd715179ea5c'
                        key: {
                            name: 'sn_si_incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '84e927fb1b994ba484e988ffd47f22d6'
                        key: {
                            sys_ui_action: 'f801c5ddc4194b28af8964d6992e1ef9'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '850931847833448c99746b42f4b7c227'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '85fbd989d7364f8dad252e80a2b6dddd'
                        key: {
                            sys_security_acl: 'b9a5a7ea831d42ef9b324bed98f72d79'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '881a0c9776344a9cad1f82cfee7d825e'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '894b91180f1c4e4bbb4762b114b764a6'
                        key: {
                            sys_security_acl: 'f68c8d940bea405db86b05cada0c7504'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '89918a4d31bf46b0ba136d9ccbcf0e7c'
                        key: {
                            sys_ui_action: '4898f288f36646308a855aafe3b5abfd'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '89d9f72ce62d4ce88e87754668954e1a'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'readable'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8aa8af86cc2f469d927f7ed85dc8c085'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8ac48cc540d741adbfc9f5a5ebc57569'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8b038fd2086b4d9c960c55f32675081f'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8b54f19c75924122af9fa6369ef6bc3b'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8b974f4cfcf84d33adabd6d5a5b710ce'
                        key: {
                            sys_security_acl: '01ef6127bb2d49329ae8820052339f45'
                            sys_user_role: {
                                id: '931e3c7d6ca349ea8efdaebd6ed0b675'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8bdce27aa2f94bc6be4c732de67fe675'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8c264c7256284c14b1f5d4ab5d5b74d2'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8c3057ab4bf94ab493a1a81922f0892f'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8c49ec9f3313457491ef27b9f5a92db3'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8d78b0537e22426d8b0a141c7b26580e'
                        key: {
                            sys_ui_action: 'd0e683bb38a44162b5d2dbe10ccc3ce1'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8d8c4c5e1c2247079e5758ffa0fce660'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8de54cd8b8fa47a195cef3bc4fb84ca9'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8e4f67d03eaa4a57b6f28c1bbb7cf826'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8f7e1283db9a4c57bf38fc9bb7b753ad'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8f81058966b94dbc80850c3fbd61cd50'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8fd35bb44eb94a998b6e16b4192dc1fb'
                        key: {
                            sys_ui_action: 'ae1ff1512c624e4d8030953f6330d653'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8fe0793cf1404f2ab15cf431dfe5f033'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '90e7f394aef74ec989507449e0aaf39c'
                        key: {
                            sys_ui_action: '4898f288f36646308a855aafe3b5abfd'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '90fad9c3f7764730865bc7d239928d77'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '9309759bc0d54bd9a48afc658eae146b'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '9472b27410774293aeeb74926cefd8c1'
                        key: {
                            sys_ui_action: 'f3f5aab5252c469f96f2b249be4b3a89'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '97aacbdc517e4719a130f13863bad38a'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '97f054da2b6543d98f1e83f97d02e8d4'
                        key: {
                            sys_security_acl: 'ab1ff76d70824e56ab7dba65e74a943b'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9882153081c74165a2cba70dc5ad4d2d'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '993d1817e35c4f4a8a44b0ae97615bd4'
                        key: {
                            sys_security_acl: 'd89fc2a9c3104492a9238a5f9f2d2759'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9a1455455bc04fd5b44354a62a593cbe'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9ac11232ddd74c0f88c04a122a7e1827'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'ledger'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9e10af0ac151472aa2e2fc2684a1e827'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '9f7924a11b2f4df6a807efb4150995ee'
                        key: {
                            sys_ui_action: '5ae6a6f785264cf4b4b19a877c535822'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9f81f4b76d604a9399229312e69e2a8e'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '9fe2320da906440b8158c373a047ec06'
                        key: {
                            sys_security_acl: '3fbb59b06fa643f2ad71e5a9d4ddea41'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a0484fddd1ce4b7983dd26a2252d9a1f'
                        key: {
                            sys_security_acl: 'fe053a76e4524b1982f3d8f1e861d197'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a086aa3c1c5a40598e8d6b7c3f2a925a'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a0beeb5e1c9743c8a4c6e3df4847a0d0'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a16b2d8202df472da7cce8d1a4b4818c'
                        key: {
                            sys_security_acl: 'e8aca75d634249329f535f2f7d7dc682'
                            sys_user_role: {
                                id: '931e3c7d6ca349ea8efdaebd6ed0b675'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'a1d66119b14e4b489c3aeca77bf4110e'
                        key: {
                            name: 'u_vendor_access_request'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a21fbbed4da048179ff743d0632b2448'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                            value: 'refused'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a2288e79a104494b88b64d0771832711'
                        key: {
                            name: 'sc_request'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a2832dbdc86946aa91e5dad127743832'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a59bff3419e34e2bab1ca0a839b84468'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a5c3fbc2807c402882e6acec93468673'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a646f9f4d0df4e8097eea0ee760a339e'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'scope_digest'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a98ae4591324400f9ae1933024c5113b'
                        key: {
                            sys_security_acl: '91e3c3b24d4c4ee18463241c3af9313e'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'aa238919fdee4166bde58a56280f201b'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'ticket_table'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'aa661d1a19364c2485234d6377ed2943'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'abf196e8361b4f70976a8e8adcb3e0e6'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'readable'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ac9de6df4825419db9a9ac2db87e55fb'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'adc67f4f84b54ebab92e25852c6c43bc'
                        key: {
                            sys_security_acl: 'ac104f72b65344f2bc774b5970c5f107'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'aea0332b285e44fe99c9c4e28ccbfe39'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'af31c4140209465e9426e717dc453ead'
                        key: {
                            sys_security_acl: '52dc32c05d8340f7854fb65e81dfdaeb'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'af945eb7d8544d9ab0b9904c44760dd7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'none'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'afba2d3b4034496284afaeb23d73fef9'
                        key: {
                            sys_ui_action: 'ab13b098b7ab4c4ca9a6248d75119fad'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'b0ff778e5dbc4dc3a6b918dcb5f99e4c'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'b28d69be23a846219f7df8bb324db1b0'
                        key: {
                            sys_ui_action: '183bf2409df7431cb4a99d48bdbb1583'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b488483f83774a5eb17050645b178b75'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'key_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b4fcbd2296ee4ac98a3811e6be214e55'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b5db08e788f64bfb8fdb24deba5d5518'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_data_classification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b7744a070006426a9f332ec981d05ea0'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                            value: 'refused'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b77e6bb38924411b9742dc12048ff434'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'blocked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'b855beaf2e99497ba2493f7f445c7ee4'
                        key: {
                            sys_ui_action: '150d02e2956547b796219e82ed81d3a1'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b897a672aa0449f1a3a9f1eead698b0f'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b96d714f870d4f23aa242a0fde4fc722'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'public'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b9f3ed5f5546415e83b5236bfe8fbacc'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ba1862d391ba4fcaac8d7acef70ca68a'
                        key: {
                            sys_ui_action: '862585fea71c425b83b1e53848cca76c'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'baf8fc9084d14bdf8e0d6a7bafcd69dc'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'bd5cf088f27b4b6aa4a0f01a715cc9d2'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'running'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bdbed64876a948f9ad81f063ea2b636b'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bdd2ec1898c4474a81fdf16becf5ad2a'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'beb9321209114461b6c4106979d3b7f9'
                        key: {
                            sys_security_acl: 'ab1ff76d70824e56ab7dba65e74a943b'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bf20940b0732483397f9f9c3d45804b8'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c250af47e5454df2abd55ceabc46d832'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'ticket'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c256938c92a14e6b89115a4efa80e5ec'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'key_id'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'c2bcea85c0ce42429f65e62928d0ae0a'
                        key: {
                            sys_ui_action: '862585fea71c425b83b1e53848cca76c'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c2ed00cc98f644d0a1c9548a8bc3319e'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'internal'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'c32692304b2c4f0a9b59a0392d908b8f'
                        key: {
                            sys_ui_action: '431cea3392964522913e3ef19a096f00'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c5b6b0fe42294d0eb52855103dfec188'
                        key: {
                            sys_security_acl: '06f6a9955ac74c5fa7db2c778ea513cd'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c648029bc876445f8fd20f9c07200814'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c6788584ed6a4b0b9bf37ac19b01220c'
                        key: {
                            sys_security_acl: '72df8e1ea1964a3e87095c7cbb43f25a'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c6a63486e30a41c6851e7a04f8f8a397'
                        key: {
                            sys_security_acl: '1b4c35e2b2224c35b639979ccb33e140'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c769d50ed2a1438080866b37a7719607'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c88f733a21374ed38287127a2837bf9c'
                        key: {
                            sys_security_acl: 'f9a99a9bfa8b4ef0bc1db4c87f1e8bf8'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c8b2f6f139f943ab902afea36a495c36'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'c8eeda806e054e1182ab4398130ce34b'
                        key: {
                            name: 'sc_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c9489943cbc34950a0a412ed7c452ed0'
                        key: {
                            name: 'x_acme_aihandoff_checkpoint'
                            element: 'count'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c9ad2c1736ed4194a9496afbbbb44afb'
                        key: {
                            sys_security_acl: 'e814b4796b7843b78245dc9c07b0b986'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cb19bdd840a544929b80d1ce3fc372d9'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'note'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cb26ae8473c1473a87368935de70a4d8'
                        key: {
                            sys_security_acl: 'c82c08e313104fe49c35dc11eb62f7a0'
                            sys_user_role: {
                                id: '42a870af65f04693a1357a7a564fa0e4'
                                key: {
                                    name: 'x_acme_aihandoff.data_steward'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cde21b87246b4498af5c18987c924231'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ce611bb03f6f4e36874f7616aa5dbb2f'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ced184d75dc7466b96a766f3977e465d'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'cffc3e7eb8eb432db525114b804f5788'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'state'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'd158cc31f3304b8e8bd201d2b87aa9ce'
                        key: {
                            sys_ui_action: '5ae6a6f785264cf4b4b19a877c535822'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd36ae26e7e224ab4b76b8a61298c08b9'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'message'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd3de3d41e3584d108ebed1ca1549e24b'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'escalated'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd46654849624425daca113b83e8b27bf'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'd543be610bc14ba69e09f1ec362896ae'
                        key: {
                            name: 'sc_request'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd57b150774a44dfa8d348ade78b7edc7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'restricted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd605fdc6c3904655bca97d9ad14a4890'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd651473622f74c6592230ebe327f0cd4'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'ticket'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd69ff5c78a3c46998ed7011a78a18f02'
                        key: {
                            sys_security_acl: 'e6567933ab4b445d8c7bad7f1db9d58a'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd6e8bc87a55e4e8e9e9aac90984940f7'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd7797c73bd24451ab76a410995d264b9'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd823010366f5499e8b3c3cbac479e962'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'da3a1c24695649469c92712e8c98a677'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'da61470b026843288e3ec91e4053070d'
                        key: {
                            name: 'sc_req_item'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'dbf037de5c9d4021be4dcdf2e4306c85'
                        key: {
                            sys_ui_action: 'f3f5aab5252c469f96f2b249be4b3a89'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'dc0c510687d34c5fbf9e1e6fc7239ce2'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'decision'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'dc2865ea6bad466d858c750d0d2a5b57'
                        key: {
                            name: 'x_acme_aihandoff_request'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'dc44963c4a6e49ef8492336e2e45beba'
                        key: {
                            sys_ui_action: '60cc1c203e1249b9a554ca51bc1440b4'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e08627c55b4c432b9ede8c4328d8a671'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e0b2d1909a62415f9b9eaca83c4e82c2'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e0e58ef05369424cba81b58474eb7506'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e0f3d421cdfd4a32bc2f9b0684dc3cbe'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e123ff0dd7884dc6b09cb6fa1f4c4dbd'
                        key: {
                            sys_ui_action: '9861afc0cfec40d7952f1cd5d96548bd'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e2ba1de7a1ec49c7a3aafe4e8f4394eb'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_panel'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e34f0736d45d4d1f90b89f6b826cd5b1'
                        key: {
                            sys_ui_action: '7032ce535a4c4034963bc54afcc7d851'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e36dc3a87ebf4c799889540c3e83db16'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e436769d9bb54679aa73261304959141'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'e479c8ece61a422ab843b5d1de704494'
                        key: {
                            logical_table_name: 'x_acme_aihandoff_request'
                            col_name_string: 'ticket,operation,state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e4b9327081b34377914489cdcca54589'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'e5a67ef938334eda8f7289124280de1c'
                        key: {
                            name: 'x_acme_aihandoff_review'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'e6276915e2264946b9183134de3f639d'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'e6f09c33e70c4aaa9e826511392036f6'
                        key: {
                            name: 'u_vendor_access_request'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e71058479cca4345978ff75a0217f7c2'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_panel'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e8602d094e5e4bea8e664fcf676f8ccf'
                        key: {
                            sys_ui_action: '5a4b356fcb924e8b9b84dd7d2159b3a2'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e8da02f2589745239111506296b92488'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'awaiting_review'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e9cde838a555499aa25a1eaf97deb9b5'
                        key: {
                            sys_security_acl: '9e4b2d3f6da04ce3b0c2136e4250f401'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'eacf462937624d29b48c4344bf7911e7'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb84cc76847446059ac8829edd6e592c'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'handoff'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb91761e75454b5db510654f8d8ca4bc'
                        key: {
                            name: 'sc_req_item'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ebb6c33faa39422ba639fe99aefa0fc8'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ec03f3a43ab6443dbc4ab96eb5dbb9a7'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'handoff'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'ec8a07d0bd65434787b179ecd0fac782'
                        key: {
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'ed7d4b12e744479cb4a681a62af06342'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ed96efbc974e452383af0e382960eb18'
                        key: {
                            name: 'x_acme_aihandoff_review'
                            element: 'handoff'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'f0f3949eb0614f4898f5afbae9eb78c6'
                        key: {
                            sys_ui_action: 'f801c5ddc4194b28af8964d6992e1ef9'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f2620c8d7b2942248b2f880b0ca11f33'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'accepted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'f27d97795dcc412a8e4ce3002a1f4ca0'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_data_classification'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f57c4ec8108441aca3c8b2a12b4b7c3e'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f5db3d29d1c044d58406a4540e128612'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'state'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f5f9e40c3c8d4db7b61812a72362e29a'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'ticket_table'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f6c9128fc58443e5b93434b7f8175991'
                        key: {
                            sys_security_acl: '5c7fedf3cb154b6fb06e995a02929c5b'
                            sys_user_role: {
                                id: '35ad31514951483cba7e23992c21387d'
                                key: {
                                    name: 'x_acme_aihandoff.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f7f7ffc20a424d78a6dc002fb84d4fab'
                        key: {
                            sys_security_acl: '8df40cf0700044beae903e4cdd38e12a'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f89300b31d434c2da18ed9deb1567dc0'
                        key: {
                            name: 'incident'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fa6ea614284742adba8d682a362fd07d'
                        key: {
                            name: 'x_acme_aihandoff_request'
                            element: 'scope_digest'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'fa72fc79e3e940358ead6667d29a3626'
                        key: {
                            logical_table_name: 'x_acme_aihandoff_review'
                            col_name_string: 'state'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fbae670377db48f3b299dfd4cbb335ef'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'expired'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fbfddb7e969e45788b0ec6a01e67784b'
                        key: {
                            sys_security_acl: '8df40cf0700044beae903e4cdd38e12a'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'fc1bd2e8ac2748f08760f93897b10468'
                        key: {
                            sys_ui_action: '17ba767d81de464684fa0ad963cb7100'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fcd67fa70ede449e849b66dc704506f5'
                        key: {
                            name: 'sn_si_incident'
                            element: 'x_acme_aihandoff_data_classification'
                            value: 'confidential'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'fd174e6bbf55445b854d9da54136a056'
                        key: {
                            sys_ui_action: '7032ce535a4c4034963bc54afcc7d851'
                            sys_user_role: {
                                id: '3a692a7a82924241b8870ed2228498d7'
                                key: {
                                    name: 'x_acme_aihandoff.reviewer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fd1cecd5582c4b4888985678ecf000c5'
                        key: {
                            sys_security_acl: '0ee48aa322864636bcdca89acc5bdd8b'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fdb7b8aa85764dbd82cdd5f1653729f7'
                        key: {
                            name: 'sc_req_item'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fe505403b7cd46afbf7f4ff3e2c6a2e7'
                        key: {
                            name: 'rm_enhancement'
                            element: 'x_acme_aihandoff_status'
                            value: 'eligible'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fe9e0684242b49c59cb6d272f1f34502'
                        key: {
                            name: 'u_vendor_access_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ff200f2ee01444e290634e1dfd24a4bf'
                        key: {
                            sys_ui_action: 'f9d756bf5a4945428e5adf91e0d303e2'
                            sys_user_role: {
                                id: '520d881ab67245be8df259d0d961aa8f'
                                key: {
                                    name: 'x_acme_aihandoff.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ff3196145a514b93904a4e520d881597'
                        key: {
                            name: 'sc_request'
                            element: 'x_acme_aihandoff_status'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                ]
            }
        }
    }
}
